"""Which translated pages show their source's content moves from a ``shows_source_content``
column on every course_content page table into the translations app: the pages flagged now get a
row (course_content's next migration then drops the columns)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def flagged_models(apps):
    return [
        model
        for model in apps.get_app_config("course_content").get_models()
        if any(field.name == "shows_source_content" for field in model._meta.fields)
    ]


def copy_flags(apps, schema_editor):
    shown = apps.get_model("translations", "SourceContentShown")
    ids = set()
    for model in flagged_models(apps):
        ids.update(model.objects.filter(shows_source_content=True).values_list("pk", flat=True))
    shown.objects.bulk_create([shown(page_id=pk) for pk in sorted(ids)], ignore_conflicts=True)


def copy_flags_back(apps, schema_editor):
    ids = list(apps.get_model("translations", "SourceContentShown").objects.values_list(
        "page_id", flat=True
    ))
    for model in flagged_models(apps):
        model.objects.filter(pk__in=ids).update(shows_source_content=True)


class Migration(migrations.Migration):

    dependencies = [
        ('translations', '0007_editor_proxies_of_localize_models'),
        ('wagtailcore', '0098_apitoken'),
        ('course_content', '0006_evaluationpage_retake_policy'),
    ]

    operations = [
        migrations.CreateModel(
            name='SourceContentShown',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
            ],
            options={
                'verbose_name': 'translated page showing its source',
                'verbose_name_plural': 'translated pages showing their source',
            },
        ),
        migrations.RunPython(copy_flags, copy_flags_back),
    ]
