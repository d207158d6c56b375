import sys
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dbt_harness import DuckDBEngine, PostgresEngine, SparkEngine  # noqa: E402
from postgres_cluster import PostgresCluster  # noqa: E402

# Engines a test can run on; each non-default engine carries a mark, so `-m "not spark"`
# (or "not postgres") skips it locally with one flag. CI runs them all.
ENGINES = [
    pytest.param("duckdb"),
    pytest.param("postgres", marks=pytest.mark.postgres),
    pytest.param("spark", marks=pytest.mark.spark),
]


@pytest.fixture(scope="session")
def postgres_cluster():
    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture
def make_engine(tmp_path, request):
    """make_engine('duckdb' | 'postgres') -> a fresh, empty warehouse with a dbt profile."""

    def factory(name: str):
        work_dir = tmp_path / name
        work_dir.mkdir(parents=True, exist_ok=True)
        if name == "duckdb":
            engine = DuckDBEngine(work_dir)
        elif name == "postgres":
            engine = PostgresEngine(work_dir, request.getfixturevalue("postgres_cluster"),
                                    f"test_{uuid.uuid4().hex[:12]}")
        elif name == "spark":
            engine = SparkEngine(work_dir)
        else:
            raise ValueError(name)
        engine.write_profiles()
        return engine

    return factory
