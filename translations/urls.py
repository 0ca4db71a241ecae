from django.urls import path

from . import memory_views, views

app_name = "translations"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<int:translation_id>/bring-in-changes/", views.bring_in_changes, name="bring_in_changes"),
    path(
        "page/<int:page_id>/submit-for-review/", views.submit_for_review, name="submit_for_review"
    ),
    path("<int:translation_id>/qa/", views.qa_report, name="qa_report"),
    path("<int:translation_id>/qa/dismiss/", views.qa_dismiss, name="qa_dismiss"),
    path("files/<str:code>/", views.locale_files, name="locale_files"),
    path("reviewed/<int:task_state_id>/", views.reviewed, name="reviewed"),
    path("<int:translation_id>/memory/", memory_views.memory_matches, name="memory_matches"),
    path("memory/<str:code>/", memory_views.memory_locale, name="memory_locale"),
]
