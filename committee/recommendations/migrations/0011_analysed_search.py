"""The search vectors analysed anew: Arabic light-stemmed, every language unaccented
(committee.fulltext). A generated column cannot be altered: it is dropped and added again, with
its GIN index."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0004_search_functions'),
        ('recommendations', '0010_period_check_visibility_by_services'),
    ]

    operations = [
        migrations.RemoveIndex(model_name='recommendation', name='recommendation_search'),
        migrations.RemoveField(model_name='recommendation', name='search_vector'),
        migrations.AddField(
            model_name='recommendation',
            name='search_vector',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector(models.Func(models.Func(models.Func(models.Func(models.Func(models.F('text_ar'), function='lower', output_field=models.TextField()), models.Value('أإآٱىة'), models.Value('اااايه'), function='translate', output_field=models.TextField()), models.Value('[ً-ٰٟـ]'), models.Value(''), models.Value('g'), function='regexp_replace', output_field=models.TextField()), function='committee_unaccent', output_field=models.TextField()), function='committee_arabic_analyze', output_field=models.TextField()), config='simple', weight='A'), '||', django.contrib.postgres.search.SearchVector(models.Func(models.Func(models.Func(models.Func(models.F('text_es'), function='lower', output_field=models.TextField()), models.Value('أإآٱىة'), models.Value('اااايه'), function='translate', output_field=models.TextField()), models.Value('[ً-ٰٟـ]'), models.Value(''), models.Value('g'), function='regexp_replace', output_field=models.TextField()), function='committee_unaccent', output_field=models.TextField()), config='spanish', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector(models.Func(models.Func(models.Func(models.Func(models.F('text_fr'), function='lower', output_field=models.TextField()), models.Value('أإآٱىة'), models.Value('اااايه'), function='translate', output_field=models.TextField()), models.Value('[ً-ٰٟـ]'), models.Value(''), models.Value('g'), function='regexp_replace', output_field=models.TextField()), function='committee_unaccent', output_field=models.TextField()), config='french', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector(models.Func(models.Func(models.Func(models.Func(models.F('text_en'), function='lower', output_field=models.TextField()), models.Value('أإآٱىة'), models.Value('اااايه'), function='translate', output_field=models.TextField()), models.Value('[ً-ٰٟـ]'), models.Value(''), models.Value('g'), function='regexp_replace', output_field=models.TextField()), function='committee_unaccent', output_field=models.TextField()), config='english', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector(models.Func(models.Func(models.Func(models.Func(models.F('reference'), function='lower', output_field=models.TextField()), models.Value('أإآٱىة'), models.Value('اااايه'), function='translate', output_field=models.TextField()), models.Value('[ً-ٰٟـ]'), models.Value(''), models.Value('g'), function='regexp_replace', output_field=models.TextField()), function='committee_unaccent', output_field=models.TextField()), config='simple', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='recommendation',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='recommendation_search'),
        ),
    ]
