"""The Dask executor on a real local cluster (a scheduler and two worker processes on
127.0.0.1, started here): the same graph files as local workers."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph.cli.main import main

from conftest import SAMPLES, require

OUTPUTS = ("graph.json", "graph.graphml", "merges.json", "report.json")


@pytest.fixture(scope="module")
def cluster():
    try:
        from distributed import LocalCluster
    except ImportError:
        require(False, "dask distributed")
    c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                     dashboard_address=None)
    yield c
    c.close()


def test_dask_executor_writes_what_local_workers_write(tmp_path, cluster):
    runner = CliRunner()
    local = runner.invoke(main, ["build", str(SAMPLES), "--out", str(tmp_path / "local"), "--no-html"])
    assert local.exit_code == 0, local.output
    dask = runner.invoke(main, ["build", str(SAMPLES), "--out", str(tmp_path / "dask"), "--no-html",
                                "--executor", "dask", "--scheduler", cluster.scheduler_address])
    assert dask.exit_code == 0, dask.output
    assert "analysed 5 of 5" in dask.output
    for name in OUTPUTS:
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


def test_dask_executor_reports_bad_files_like_local(tmp_path, cluster):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("本报讯（记者 霍吕）3月5日，市委常委、政法委书记刘强带队来碚调研。", "utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-html",
                                       "--executor", "dask", "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 3, result.output
    assert "empty.txt" in (tmp_path / "out" / "report.json").read_text("utf-8")


def test_scheduler_needs_the_dask_executor(tmp_path):
    result = CliRunner().invoke(main, ["build", str(SAMPLES), "--out", str(tmp_path / "o"),
                                       "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
