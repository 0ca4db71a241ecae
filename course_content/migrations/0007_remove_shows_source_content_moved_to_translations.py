"""Which translated pages show their source's content now lives in the translations app
(``translations.SourceContentShown``, filled from these columns by translations' 0008)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('course_content', '0006_evaluationpage_retake_policy'),
        ('translations', '0008_source_content_shown'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='countryunitpage',
            name='shows_source_content',
        ),
        migrations.RemoveField(
            model_name='coursepage',
            name='shows_source_content',
        ),
        migrations.RemoveField(
            model_name='evaluationpage',
            name='shows_source_content',
        ),
        migrations.RemoveField(
            model_name='homepage',
            name='shows_source_content',
        ),
        migrations.RemoveField(
            model_name='modulepage',
            name='shows_source_content',
        ),
        migrations.RemoveField(
            model_name='resourcelibrarypage',
            name='shows_source_content',
        ),
        migrations.RemoveField(
            model_name='resourcepage',
            name='shows_source_content',
        ),
    ]
