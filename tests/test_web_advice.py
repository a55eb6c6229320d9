"""Decisions on the advice and questions linked to their fields, on the project page, over HTTP.

A real ``advies serve`` (tests/webkit.py); each decision is posted as the page's form
posts it, without JavaScript (a 303 back) and as htmx does (``HX-Request``: the section
back, with the new ``base_version`` for every form). The TOML edit itself
(``web/_decisions.py``) and the links convention (``web/_links.py``) are tested as
functions too.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import httpx
import pytest
import tomli
import webkit
from click.testing import CliRunner
from webkit import EXAMPLES, SKETCH, csrf_of, signed_client, upload_file

from interventie_advies.cli import cli
from interventie_advies.web._decisions import set_decision
from interventie_advies.web._links import field_link

if TYPE_CHECKING:
    from webkit import Server

OPERA = (EXAMPLES / "buurtopera.toml").read_bytes()
#: the example's decision on RB04, as the file writes it
RB04 = OPERA.decode().split("[[decisions]]\n", 1)[1]
TODAY = dt.date.today().isoformat()
#: this module's own server (a fixture of webkit.py)
server = webkit.server


def _codes(rule: str) -> str | None:
    """Codes as the engine resolves them: the example's rules by code, one also by name."""
    return {"RB04": "RB04", "shared_budgets": "RB04", "VIS01": "VIS01"}.get(rule)


def _project(client: httpx.Client, csrf: str, body: bytes = OPERA) -> str:
    made = upload_file(client, csrf, body)
    assert made.status_code == 303, made.text
    return str(made.headers["location"].split("?")[0])


def _decide(
    client: httpx.Client, project: str, csrf: str, base: int, htmx: bool = False, **fields: str
) -> httpx.Response:
    data = {"csrf": csrf, "base_version": str(base), **fields}
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(f"{project}/decisions", data=data, headers=headers)


def _toml(client: httpx.Client, project: str) -> str:
    return client.get(f"{project}/project.toml").content.decode()


def _viewer(server: Server, owner: str, project: str, viewer: str) -> None:
    token = CliRunner().invoke(cli, ["tokens", "create", owner, "--data", str(server.data)])
    assert token.exit_code == 0, token.output
    added = httpx.post(
        f"{server.url}/api/v1{project}/members",
        json={"email": viewer, "role": "viewer"},
        headers={"Authorization": f"Bearer {token.output.strip()}"},
    )
    assert added.status_code == 201, added.text


# --- the TOML edit -------------------------------------------------------------------------


def test_a_decision_is_added_at_the_end_and_nothing_else_changes() -> None:
    source = SKETCH.decode()
    written = set_decision(source, "VIS01", "done", None, dt.date(2026, 12, 6), _codes)
    assert (
        written == source + '\n[[decisions]]\nrule = "VIS01"\nstatus = "done"\ndate = 2026-12-06\n'
    )


def test_a_decision_replaces_the_rules_last_entry_in_place() -> None:
    """The entry keeps its rule as written and its place; ``by`` goes; the rest stays."""
    source = OPERA.decode().replace('rule = "RB04"', 'rule = "shared_budgets"')
    written = set_decision(
        source, "RB04", "not_applicable", 'Geen "geld"', dt.date(2026, 12, 6), _codes
    )
    entry = (
        'rule = "shared_budgets"\nstatus = "not_applicable"\n'
        'reason = "Geen \\"geld\\""\ndate = 2026-12-06\n'
    )
    old = RB04.replace('rule = "RB04"', 'rule = "shared_budgets"')
    assert source.count(old) == 1
    assert written == source.replace(old, entry)


def test_the_comments_after_an_entry_stay_after_it() -> None:
    source = (
        'format = 1\n[project]\nname = "X"\n\n[[decisions]]\nrule = "VIS01"  # eerst\n'
        'status = "done"\nby = "Anna"\n\n# de instellingen\n[advies]\nlanguage = "nl"\n'
    )
    written = set_decision(source, "VIS01", "rejected", "Nee", dt.date(2026, 12, 6), _codes)
    assert written == source.replace(
        'status = "done"\nby = "Anna"\n',
        'status = "rejected"\nreason = "Nee"\ndate = 2026-12-06\n',
    )
    back = set_decision(written, "VIS01", "accepted", None, dt.date(2026, 12, 7), _codes)
    assert back == source.replace('by = "Anna"\n', "date = 2026-12-07\n").replace(
        '"done"', '"accepted"'
    )


def test_a_file_in_crlf_stays_in_crlf() -> None:
    source = 'format = 1\r\n[project]\r\nname = "X"\r\n'
    written = set_decision(source, "VIS01", "done", None, dt.date(2026, 12, 6), _codes)
    added = '\r\n[[decisions]]\r\nrule = "VIS01"\r\nstatus = "done"\r\ndate = 2026-12-06\r\n'
    assert written == source + added


def test_decisions_written_inline_are_kept_inline() -> None:
    source = 'format = 1\ndecisions = [{rule = "RB04", status = "done"}]\n[project]\nname = "X"\n'
    written = set_decision(source, "VIS01", "accepted", None, dt.date(2026, 12, 6), _codes)
    assert tomli.loads(written)["decisions"] == [
        {"rule": "RB04", "status": "done"},
        {"rule": "VIS01", "status": "accepted", "date": dt.date(2026, 12, 6)},
    ]
    assert written.endswith('[project]\nname = "X"\n')


# --- the links convention ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("funding.sources[].end", "/projects/7/edit/funding#f-funding-sources"),
        ("meeting_place.location", "/projects/7/edit/meeting_place#f-meeting_place-location"),
        ("partners[].domain", "/projects/7/edit/partners#f-partners"),
        ("partners", "/projects/7/edit/partners#f-partners"),
        (
            "extensions.jeugd.min_age",
            "/projects/7/edit/extensions-jeugd#f-extensions-jeugd-min_age",
        ),
    ],
)
def test_a_question_links_to_its_field(path: str, link: str) -> None:
    assert field_link(7, path) == link


# --- over HTTP -----------------------------------------------------------------------------


def test_a_decision_is_saved_as_a_new_version_and_the_report_lists_it(server: Server) -> None:
    client, csrf = signed_client(server, "ann@example.org")
    project = _project(client, csrf)
    page = client.get(project).text
    assert 'id="d-SUS06"' in page and 'name="rule" value="SUS06"' in page
    assert 'id="d-RB04"' in page  # consciously not followed already: listed, and editable
    reason = "Dit doet de gemeente al & goed"
    answer = _decide(client, project, csrf, 1, rule="SUS06", status="rejected", reason=reason)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{project}?decided=SUS06#d-SUS06"
    shown = client.get(answer.headers["location"]).text
    assert "Besluit opgeslagen: SUS06 afgewezen. Het project is nu versie 2." in shown
    assert "Dit doet de gemeente al &amp; goed" in shown
    saved = tomli.loads(_toml(client, project))["decisions"]
    assert saved[-1] == {
        "rule": "SUS06",
        "status": "rejected",
        "reason": reason,
        "date": dt.date.fromisoformat(TODAY),
    }
    report = client.get(f"{project}/report.json").json()
    assert {"code": "SUS06", "status": "rejected", "reason": reason} in [
        {k: n[k] for k in ("code", "status", "reason")} for n in report["not_followed"]
    ]
    assert "SUS06" not in [i["code"] for i in report["items"]]
    assert "Besluit: SUS06 afgewezen" in client.get(f"{project}/history").text


def test_the_rest_of_the_file_stays_byte_for_byte(server: Server) -> None:
    client, csrf = signed_client(server, "ann@example.org")
    project = _project(client, csrf)
    answer = _decide(client, project, csrf, 1, rule="RB04", status="in_progress", reason="")
    assert answer.status_code == 303
    entry = f'rule = "RB04"\nstatus = "in_progress"\ndate = {TODAY}\n'
    assert _toml(client, project) == OPERA.decode().replace(RB04, entry)
    answer = _decide(client, project, csrf, 2, rule="KEY04", status="accepted", reason="Ja")
    assert answer.status_code == 303
    added = f'\n[[decisions]]\nrule = "KEY04"\nstatus = "accepted"\nreason = "Ja"\ndate = {TODAY}\n'
    assert _toml(client, project) == OPERA.decode().replace(RB04, entry) + added


def test_a_rejection_needs_a_reason_and_what_was_typed_stays(server: Server) -> None:
    client, csrf = signed_client(server, "ann@example.org")
    project = _project(client, csrf)
    answer = _decide(client, project, csrf, 1, rule="KEY04", status="not_applicable", reason=" ")
    assert answer.status_code == 422
    page = answer.text
    message = "Schrijf op waarom. Een reden is nodig bij ‘niet van toepassing’."
    assert f'<li><a href="#reason-KEY04">{message}</a></li>' in page  # the error summary
    assert f'<span class="field-error" id="reason-KEY04-error">{message}</span>' in page
    assert (
        'aria-describedby="reason-KEY04-hint reason-KEY04-error" aria-invalid="true"> </textarea>'
        in page
    )
    assert '<option value="not_applicable" selected>' in page
    answer = _decide(client, project, csrf, 1, rule="KEY04", status="", reason="Mijn <reden>")
    assert answer.status_code == 422
    assert '<li><a href="#status-KEY04">Kies een besluit.</a></li>' in answer.text
    assert ">Mijn &lt;reden&gt;</textarea>" in answer.text
    assert _toml(client, project) == OPERA.decode()  # nothing saved


def test_a_stale_base_version_saves_nothing(server: Server) -> None:
    client, csrf = signed_client(server, "ann@example.org")
    project = _project(client, csrf)
    assert _decide(client, project, csrf, 1, rule="KEY04", status="done").status_code == 303
    answer = _decide(client, project, csrf, 1, rule="AL03", status="accepted", reason="Later")
    assert answer.status_code == 409
    assert "Iemand anders heeft het project intussen opgeslagen (nu versie 2)." in answer.text
    assert ">Later</textarea>" in answer.text  # what was typed is kept, on the latest version
    assert 'name="base_version" value="2"' in answer.text
    assert 'rule = "AL03"' not in _toml(client, project)
    versions = client.get(f"{project}/history").text
    assert "Besluit: AL03" not in versions and "Besluit: KEY04 gedaan" in versions


def test_htmx_gets_the_section_and_the_new_version_for_every_form(server: Server) -> None:
    """Two saves in a row, each on the version the one before answered."""
    client, csrf = signed_client(server, "ann@example.org")
    project = _project(client, csrf)
    first = _decide(client, project, csrf, 1, htmx=True, rule="KEY04", status="done")
    assert first.status_code == 200
    fragment = first.text
    assert fragment.startswith('<section id="decisions"')
    assert "<html" not in fragment
    assert (
        '<input type="hidden" name="base_version" value="2" '
        'hx-swap-oob="outerHTML:input[name=base_version]">'
    ) in fragment
    assert (
        '<div id="announce" hx-swap-oob="innerHTML"><p class="notice">'
        "Besluit opgeslagen: KEY04 gedaan." in fragment
    )
    assert f'src="{project}/report.html?lang=nl&amp;v=2"' in fragment
    second = _decide(client, project, csrf, 2, htmx=True, rule="RB01", status="in_progress")
    assert second.status_code == 200 and 'value="3"' in second.text
    refused = _decide(client, project, csrf, 2, htmx=True, rule="AL03", status="rejected")
    assert refused.status_code == 409 and refused.text.startswith('<section id="decisions"')
    assert "nu versie 3" in refused.text
    missing = _decide(client, project, csrf, 3, htmx=True, rule="AL03", status="rejected")
    assert missing.status_code == 422 and 'href="#reason-AL03"' in missing.text
    decided = [d["rule"] for d in tomli.loads(_toml(client, project))["decisions"]]
    assert decided == ["RB04", "KEY04", "RB01"]


def test_a_viewer_sees_decisions_without_forms_and_may_not_post(server: Server) -> None:
    owner, csrf = signed_client(server, "bob@example.org")
    project = _project(owner, csrf)
    _viewer(server, "bob@example.org", project, "dave@example.org")
    viewer, viewer_csrf = signed_client(server, "dave@example.org")
    page = viewer.get(project).text
    assert 'id="d-RB04"' in page and "afgewezen" in page
    assert f'action="{project}/decisions"' not in page
    assert '<a href="/projects/' not in page.split('id="questions"')[1].split("</section>")[0]
    refused = _decide(viewer, project, viewer_csrf, 1, rule="KEY04", status="done")
    assert refused.status_code == 403
    assert _toml(owner, project) == OPERA.decode()


def test_another_users_project_is_not_found(server: Server) -> None:
    owner, csrf = signed_client(server, "bob@example.org")
    project = _project(owner, csrf)
    other, other_csrf = signed_client(server, "carol@example.org")
    refused = _decide(other, project, other_csrf, 1, rule="KEY04", status="done")
    assert refused.status_code == 404
    assert (
        _decide(owner, "/projects/999999", csrf, 1, rule="KEY04", status="done").status_code == 404
    )


def test_a_rule_not_in_the_report_or_a_missing_csrf_saves_nothing(server: Server) -> None:
    client, csrf = signed_client(server, "ann@example.org")
    project = _project(client, csrf)
    unknown = _decide(client, project, csrf, 1, rule="NOPE1", status="done")
    assert unknown.status_code == 422 and "staat niet (meer) in het rapport" in unknown.text
    assert _decide(client, project, "", 1, rule="KEY04", status="done").status_code == 403
    assert _toml(client, project) == OPERA.decode()


def test_each_question_links_editors_to_its_field(server: Server) -> None:
    client, csrf = signed_client(server, "ann@example.org")
    project = _project(client, csrf, SKETCH)
    section = client.get(project).text.split('id="questions"')[1].split("</section>")[0]
    number = project.rsplit("/", 1)[1]
    links = re.findall(r'<a href="([^"]+)">', section)
    assert f"/projects/{number}/edit/partners#f-partners" in links
    assert f"/projects/{number}/edit/funding#f-funding-sources" in links
    assert "Er is geen advies om over te besluiten." in client.get(project).text


def test_htmx_is_served_by_the_app(server: Server) -> None:
    client, _ = signed_client(server, "ann@example.org")
    script = client.get("/static/htmx.min.js")
    assert script.status_code == 200 and script.text.startswith("var htmx=")
    assert "javascript" in script.headers["content-type"]
    assert '<script src="/static/htmx.min.js" defer></script>' in client.get("/projects").text


def test_a_session_gone_sends_htmx_to_sign_in(server: Server) -> None:
    client = httpx.Client(base_url=server.url)
    csrf = csrf_of(client.get("/-/login").text)
    answer = client.post(
        "/projects/1/decisions", data={"csrf": csrf}, headers={"HX-Request": "true"}
    )
    assert (
        answer.status_code == 200 and answer.headers["HX-Redirect"] == "/-/login?next=/projects/1"
    )
    plain = client.post("/projects/1/decisions", data={"csrf": csrf})
    assert plain.status_code == 303
    assert plain.headers["location"] == "/-/login?next=/projects/1/decisions"
    assert client.get("/projects/1/decisions").headers["location"] == "/projects/1#decisions"


def test_a_new_entry_among_others_gets_the_files_blank_lines() -> None:
    source = (
        'format = 1\n\n[[decisions]]\nrule = "RB04"\nstatus = "done"\n\n[advies]\nlanguage = "nl"\n'
    )
    written = set_decision(source, "VIS01", "done", None, dt.date(2026, 12, 6), _codes)
    added = '[[decisions]]\nrule = "VIS01"\nstatus = "done"\ndate = 2026-12-06\n\n'
    assert written == source.replace("[advies]", added + "[advies]")


def test_a_decision_on_advice_that_no_longer_applies_is_listed(server: Server) -> None:
    client, csrf = signed_client(server, "ann@example.org")
    stale = OPERA + b'\n[[decisions]]\nrule = "CON01"\nstatus = "accepted"\n'
    page = client.get(_project(client, csrf, stale)).text
    section = page.split("Besluiten over advies dat niet meer geldt</h3>")[1]
    assert '<li class="wrap">CON01: overgenomen</li>' in section.split("</ul>")[0]
    assert 'id="d-CON01"' not in page  # no form: there is no advice to decide on


def test_the_decisions_speak_english_on_request(server: Server) -> None:
    client, csrf = signed_client(server, "ann@example.org")
    project = _project(client, csrf)
    page = client.get(f"{project}?lang=en").text
    assert "Decisions on the advice" in page and "Consciously not followed" in page
    assert '<option value="not_applicable">not applicable</option>' in page
    answer = _decide(client, project, csrf, 1, rule="KEY04", status="rejected")
    assert "Write down why. A reason is needed for ‘rejected’." in answer.text
