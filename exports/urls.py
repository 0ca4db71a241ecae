from django.urls import path

from . import views

app_name = "exports"
urlpatterns = [
    path("", views.export_list, name="list"),
    path("course/<int:page_id>/", views.export_course, name="course"),
    path("<int:export_id>/download/", views.download, name="download"),
]
