"""The docs site and the KPI report, built from the demo data the way `make site` builds them.

The docs site: every resource of the project described, the KPI definition written once
and reused, and the static site rendered in headless Chromium with its metric page, a
model page and the lineage graph. The report: self-contained, and its figures equal the
independent reference of the contract on the demo data.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dbt_harness import PROJECT_DIR, DuckDBEngine
from reference import Settings, compute_tables, read_demo_tables

PROJECT = "multi_role_engagement"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-extensions", "--no-first-run",
                  "--virtual-time-budget=20000"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """Demo build on DuckDB, the static docs site and the report, as `make site` makes them."""
    work_dir = tmp_path_factory.mktemp("site")
    engine = DuckDBEngine(work_dir)
    engine.write_profiles()
    build_time = dt.datetime.utcnow()
    engine.dbt(["build"])
    engine.dbt(["docs", "generate", "--static"])
    report_dir = work_dir / "report"
    subprocess.run([sys.executable, str(PROJECT_DIR / "scripts" / "make_report.py"), "--database", str(engine.path),
                    "--output-dir", str(report_dir)], check=True, capture_output=True, text=True)
    expected = compute_tables(read_demo_tables(), Settings(build_time=build_time))
    return {"target": work_dir / "target", "report": report_dir, "expected": expected}


# --- the docs site -------------------------------------------------------------------------

def undescribed(manifest: dict) -> list[str]:
    """Every project resource, and every column of one, without a description."""
    missing = []
    resources = [*manifest["nodes"].values(), *manifest["sources"].values(), *manifest["macros"].values(),
                 *manifest["metrics"].values(), *manifest["semantic_models"].values(),
                 *manifest["saved_queries"].values(), *manifest["exposures"].values(),
                 *manifest["unit_tests"].values()]
    for resource in resources:
        if resource.get("package_name") != PROJECT or resource["resource_type"] == "operation":
            continue
        # a generic test instance (not_null on a column...) is described by its test macro
        if resource["resource_type"] == "test" and resource.get("test_metadata"):
            continue
        if not (resource.get("description") or "").strip():
            missing.append(f"{resource['resource_type']} {resource['name']}")
        for column in (resource.get("columns") or {}).values():
            if not (column.get("description") or "").strip():
                missing.append(f"column {resource['name']}.{column['name']}")
    return missing


def test_every_resource_and_column_is_described(demo_site):
    manifest = json.loads((demo_site["target"] / "manifest.json").read_text())
    kinds = {node["resource_type"] for node in manifest["nodes"].values() if node["package_name"] == PROJECT}
    assert kinds >= {"model", "seed", "test", "analysis"}
    assert manifest["metrics"] and manifest["exposures"] and manifest["unit_tests"]
    assert undescribed(manifest) == []
    # the catalog holds every built model's columns, so the site shows their types
    catalog = json.loads((demo_site["target"] / "catalog.json").read_text())
    models = [uid for uid, node in manifest["nodes"].items()
              if node["resource_type"] == "model" and node["package_name"] == PROJECT]
    assert set(models) <= set(catalog["nodes"])


def test_kpi_definition_is_written_once_and_reused(demo_site):
    manifest = json.loads((demo_site["target"] / "manifest.json").read_text())
    definition = manifest["docs"][f"doc.{PROJECT}.kpi_definition"]["block_contents"].strip()
    first_sentence = definition.split(". ")[0]
    users = [resource["name"] for group in ("nodes", "metrics", "exposures")
             for resource in manifest[group].values() if definition in (resource.get("description") or "")]
    assert {"fct_account_multi_role_engagement", "multi_role_engagement_by_segment",
            "pct_multi_role_engagement", "multi_role_engagement_dashboard"} <= set(users)
    written_in = [path.relative_to(PROJECT_DIR).as_posix() for folder in ("models", "macros", "analyses", "seeds")
                  for path in (PROJECT_DIR / folder).rglob("*") if path.is_file()
                  and first_sentence in path.read_text(errors="ignore")]
    assert written_in == ["models/docs.md"]


def exposure_parents(manifest: dict, name: str) -> set[str]:
    exposure = manifest["exposures"][f"exposure.{PROJECT}.{name}"]
    return {uid.split(".")[-1] for uid in exposure["depends_on"]["nodes"]}


def test_exposures_read_the_marts(demo_site):
    manifest = json.loads((demo_site["target"] / "manifest.json").read_text())
    assert "multi_role_engagement_by_segment" in exposure_parents(manifest, "multi_role_engagement_dashboard")
    assert exposure_parents(manifest, "multi_role_engagement_report") >= {
        "multi_role_engagement_by_segment", "fct_account_multi_role_movement", "role_coverage_by_plan_tier"}


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.fail("Chromium is missing; scripts/ensure_system_packages.sh installs it (Debian package chromium)")


def render(url: str, *extra: str, cwd: Path) -> str:
    completed = subprocess.run([chromium(), *CHROMIUM_FLAGS, *extra, url], capture_output=True, text=True,
                               timeout=180, cwd=cwd)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout


def visible_text(dom: str) -> str:
    dom = re.sub(r"<(script|style)\b.*?</\1>", " ", dom, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom))


def site_url(demo_site, route: str) -> str:
    return (demo_site["target"] / "static_index.html").as_uri() + "#!/" + route


def test_docs_site_renders_the_metric_page(demo_site):
    dom = render(site_url(demo_site, f"metric/metric.{PROJECT}.pct_multi_role_engagement"), "--dump-dom",
                 cwd=demo_site["target"])
    text = visible_text(dom)
    assert "Percent of Accounts with Multi-Role Engagement" in text
    assert "Metric name pct_multi_role_engagement" in text
    # the metric page lists what the ratio is built from
    assert "Depends On" in text and "active_accounts" in text and "multi_role_accounts" in text


def test_docs_site_renders_a_model_page_with_its_columns(demo_site):
    dom = render(site_url(demo_site, f"model/model.{PROJECT}.role_coverage_by_plan_tier"), "--dump-dom",
                 cwd=demo_site["target"])
    text = visible_text(dom)
    assert "role_coverage_by_plan_tier" in text
    assert "pct_role_coverage" in text and "accounts_with_role_active" in text
    assert "Role coverage of a role in a period" in text  # the docs block, rendered


def test_docs_site_draws_the_lineage_graph(demo_site, tmp_path):
    from PIL import Image

    route = f"model/model.{PROJECT}.fct_account_multi_role_movement?g_v=1"
    dom = render(site_url(demo_site, route), "--dump-dom", cwd=demo_site["target"])
    assert "Lineage Graph" in visible_text(dom)
    assert len(re.findall(r'<canvas[^>]*data-id="layer\d-', dom)) >= 3  # cytoscape drew its layers
    shot = tmp_path / "lineage.png"
    render(site_url(demo_site, route), f"--screenshot={shot}", "--window-size=1400,900", cwd=tmp_path)
    graph_area = Image.open(shot).convert("RGB").crop((60, 100, 1340, 780))
    pixels = list(graph_area.get_flattened_data())
    background = max(set(pixels), key=pixels.count)
    # an empty graph is all background; every node is a bright label box on it
    node_pixels = sum(1 for red, green, _blue in pixels if red >= 130 or green >= 130)
    assert pixels.count(background) > 0.5 * len(pixels)
    assert node_pixels > 2000, f"lineage graph looks empty ({node_pixels} node pixels)"


# --- the report ----------------------------------------------------------------------------

class Tables(HTMLParser):
    """Collects the text of every <table id=...> as rows of cells, and the headline."""

    def __init__(self):
        super().__init__()
        self.tables, self.images, self.headline = {}, [], None
        self._table = self._row = self._cell = None
        self._in_headline = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table":
            self._table = self.tables.setdefault(attributes.get("id"), [])
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""
        elif tag == "img":
            self.images.append(attributes.get("src", ""))
        elif attributes.get("id") == "headline":
            self._in_headline, self.headline = True, ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._table.append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None
        elif tag == "p":
            self._in_headline = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._in_headline:
            self.headline += data


def percent(value) -> str:
    return "n/a" if value is None else f"{value:.1f}%"


@pytest.fixture(scope="module")
def report(demo_site):
    document = (demo_site["report"] / "multi_role_engagement_report.html").read_text()
    parsed = Tables()
    parsed.feed(document)
    return document, parsed


def latest_complete_month(expected):
    return max(row["period_start"] for row in expected.by_segment
               if row["period_grain"] == "month" and row["is_complete_period"])


def test_report_is_self_contained_with_its_charts(demo_site, report):
    document, parsed = report
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", document)
    assert "<script" not in document and "<link" not in document
    assert len(parsed.images) == 4
    for source in parsed.images:
        assert source.startswith("data:image/png;base64,")
        assert base64.b64decode(source.split(",", 1)[1])[:8] == PNG_SIGNATURE
    for chart in ("kpi_trend", "kpi_by_segment", "movement", "role_coverage"):
        data = (demo_site["report"] / f"{chart}.png").read_bytes()
        assert data[:8] == PNG_SIGNATURE and len(data) > 10_000


def test_report_headline_and_trend_equal_the_reference(demo_site, report):
    _document, parsed = report
    expected = demo_site["expected"]
    month = latest_complete_month(expected)
    company_wide = {(row["period_grain"], row["period_start"]): row for row in expected.by_segment
                    if (row["industry"], row["company_size"], row["plan_tier"]) == ("all", "all", "all")}
    assert parsed.headline.strip() == percent(company_wide[("month", month)]["pct_multi_role_engagement"])
    for grain in ("week", "month", "quarter"):
        expected_rows = [[f"{start:%Y-%m-%d}", "yes" if row["is_complete_period"] else "no",
                          str(row["total_accounts"]), str(row["active_accounts"]), str(row["multi_role_accounts"]),
                          percent(row["pct_multi_role_engagement"])]
                         for (row_grain, start), row in sorted(company_wide.items()) if row_grain == grain]
        assert parsed.tables[f"trend-{grain}"][1:] == expected_rows


def test_report_breakdowns_equal_the_reference(demo_site, report):
    _document, parsed = report
    expected = demo_site["expected"]
    month = latest_complete_month(expected)
    for column in ("industry", "company_size", "plan_tier"):
        others = [other for other in ("industry", "company_size", "plan_tier") if other != column]
        expected_rows = {(row[column], str(row["total_accounts"]), str(row["active_accounts"]),
                          str(row["multi_role_accounts"]), percent(row["pct_multi_role_engagement"]))
                         for row in expected.by_segment
                         if row["period_grain"] == "month" and row["period_start"] == month
                         and row[column] != "all" and all(row[other] == "all" for other in others)}
        assert {tuple(row) for row in parsed.tables[f"breakdown-{column}"][1:]} == expected_rows


def test_report_movement_and_role_coverage_equal_the_reference(demo_site, report):
    _document, parsed = report
    expected = demo_site["expected"]
    counts = {}
    for row in expected.movement:
        if row["period_grain"] == "month":
            counts.setdefault(row["period_start"], {}).setdefault(row["movement"], 0)
            counts[row["period_start"]][row["movement"]] += 1
    expected_movement = [[f"{start:%Y-%m-%d}", *(str(counts[start].get(kind, 0))
                                                  for kind in ("gained", "retained", "lost", "never"))]
                         for start in sorted(counts)]
    assert parsed.tables["movement"][1:] == expected_movement

    month = latest_complete_month(expected)
    expected_coverage = {(row["plan_tier"], row["role_tag"], str(row["active_accounts"]),
                          str(row["accounts_with_role_active"]), percent(row["pct_role_coverage"]))
                         for row in expected.role_coverage if row["period_grain"] == "month"
                         and row["period_start"] == month}
    assert {tuple(row) for row in parsed.tables["role-coverage"][1:]} == expected_coverage


def test_report_data_quality_equals_the_reference(demo_site, report):
    _document, parsed = report
    expected = {(table, reason, str(count)) for (table, reason), count in demo_site["expected"].rejections.items()}
    assert {tuple(row) for row in parsed.tables["rejections"][1:]} == expected
