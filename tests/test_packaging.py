"""The wheel carries everything the pipeline and the site need, so an install that is not a checkout serves.

Builds the wheel with pip (which fetches the build backend from the package
index, as any install does).
"""

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_the_wheel_holds_every_file_of_the_plugin_package_and_the_pipeline_data(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("news_archive-*.whl")
    packed = set(zipfile.ZipFile(wheel).namelist())
    wanted = {
        str(path.relative_to(ROOT))
        for folder in ("datasette_news_archive", "ingest")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert wanted - packed == set()
