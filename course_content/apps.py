from django.apps import AppConfig


class CourseContentConfig(AppConfig):
    name = "course_content"
    verbose_name = "Course content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Site

        from course_content.routing import forget_sites

        # The routing's cache of which site answers a host and port (see ``routing``).
        post_save.connect(forget_sites, sender=Site, dispatch_uid="course_content_forget_sites")
        post_delete.connect(forget_sites, sender=Site, dispatch_uid="course_content_forget_sites")
