"""What a failed browser test leaves behind (tests/browser/conftest.py): a screenshot, the
HTML and the address of every page open at that moment, in a folder named after the test."""

from tests.browser.conftest import ARTEFACTS, artefact_folder, save_open_pages


def test_every_open_page_is_saved_with_its_screenshot_html_and_address(browser, tmp_path):
    context = browser.new_context()
    try:
        first, second = context.new_page(), context.new_page()
        first.set_content("<h1>First page</h1>")
        second.set_content("<p>Second page</p>")
        folder = tmp_path / "some_test"
        folder.mkdir()
        (folder / "stale.png").write_bytes(b"from an earlier run")

        assert save_open_pages(browser, folder) == folder
    finally:
        context.close()
    assert sorted(path.name for path in folder.iterdir()) == [
        "page-1.html",
        "page-1.png",
        "page-1.url.txt",
        "page-2.html",
        "page-2.png",
        "page-2.url.txt",
    ]
    assert "<h1>First page</h1>" in (folder / "page-1.html").read_text(encoding="utf-8")
    assert "Second page" in (folder / "page-2.html").read_text(encoding="utf-8")
    assert (folder / "page-1.png").read_bytes().startswith(b"\x89PNG")
    assert (folder / "page-2.url.txt").read_text(encoding="utf-8").strip() == "about:blank"


def test_nothing_is_written_when_no_page_is_open(browser, tmp_path):
    assert save_open_pages(browser, tmp_path / "none") is None
    assert not (tmp_path / "none").exists()


def test_the_folder_is_named_after_the_test_id():
    folder = artefact_folder("tests/browser/test_x.py::test_y[fr-some value]")
    assert folder.parent == ARTEFACTS
    assert folder.name == "tests_browser_test_x.py_test_y_fr-some_value"
    assert ARTEFACTS.parts[-2:] == ("test-results", "browser")
