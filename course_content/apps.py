from django.apps import AppConfig


class CourseContentConfig(AppConfig):
    name = "course_content"
    verbose_name = "Course content"
    default_auto_field = "django.db.models.BigAutoField"
