"""Wagtail's database search backend, with one change on PostgreSQL: the matched document is
filtered on, not selected.

The stock PostgreSQL query compiler annotates every row with ``title || body`` in order to filter
on it, so the annotation is also in the SELECT list: PostgreSQL then builds that concatenated
vector for every matching row before sorting and keeping ten. Nothing reads it. With
``alias()`` instead of ``annotate()`` the filter (served by the index of search/0001) is the same
and the column is gone: on 1,000 articles, the ranked query for "back pain" (800 matches) went
from 13 ms to 6 ms (README, "Queries"). Every other query type, and every other database, is
Wagtail's code unchanged. tests/test_search.py checks that the results and their order are
the stock backend's.
"""

from django.db import connection

from wagtail.search.backends.database import SearchBackend as database_backend

from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText


class PostgresSearchCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        # Words and phrases (all the site's search view sends); anything else as upstream.
        if not isinstance(self.query, (PlainText, Phrase)):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        document = vectors[0][0]
        for vector, _boost in vectors[1:]:
            document = document._combine(vector, "||", False)
        queryset = self.queryset.alias(_vector_=document).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class ClinicPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PostgresSearchCompiler


def SearchBackend(params):
    """Ours on PostgreSQL; Wagtail's choice (SQLite FTS5, MySQL, ...) everywhere else."""
    if connection.vendor == "postgresql":
        return ClinicPostgresSearchBackend(params)
    return database_backend(params)
