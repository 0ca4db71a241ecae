from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        connect_cache_invalidation()


def connect_cache_invalidation():
    """Purge what each change makes stale (cms.frontend_cache): publish, unpublish, delete,
    move, view restrictions, and the documents and images pages show.

    No snippet is rendered on the public site today (the termbase and enrolments are admin-only);
    a snippet model that pages come to render gets ``object_changed`` connected here too."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    from cms import caching  # noqa: F401 - registers its before_serve_page hook
    from cms import frontend_cache as purge

    uid = "cms.frontend_cache."
    pre_save.connect(purge.remember_previous, dispatch_uid=uid + "remember_previous")
    page_published.connect(purge.page_published, dispatch_uid=uid + "published")
    page_unpublished.connect(purge.page_unpublished, dispatch_uid=uid + "unpublished")
    pre_delete.connect(purge.page_deleted, dispatch_uid=uid + "deleted")
    pre_page_move.connect(purge.page_moving, dispatch_uid=uid + "moving")
    post_page_move.connect(purge.page_moved, dispatch_uid=uid + "moved")
    for signal in (post_save, post_delete):
        signal.connect(
            purge.restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"{uid}restriction.{signal is post_save}",
        )
    m2m_changed.connect(
        purge.restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid=uid + "restriction_groups",
    )
    for model in (get_document_model(), get_image_model()):
        for signal in (post_save, post_delete):
            signal.connect(
                purge.object_changed,
                sender=model,
                dispatch_uid=f"{uid}object.{model._meta.label}.{signal is post_save}",
            )
