"""The form pages over HTTP: task list, one page per table, saving, conflicts and drafts.

A real ``advies serve`` (the ``server`` fixture of webkit.py). A page is read as a browser
would read it (:func:`form_of` collects what its form would post), changed, and posted.
"""

from __future__ import annotations

import html
import re
import sqlite3
import time
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import httpx
import pytest
import webkit
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from webkit import (
    ERROR_SUMMARY,
    EXAMPLES,
    Server,
    csrf_of,
    signed_client,
    upload_file,
)

from interventie_advies.cli import cli
from interventie_advies.engine._engine import Engine
from interventie_advies.messages import choice_label
from interventie_advies.web._form_model import sections
from interventie_advies.web._session import csrf_of as session_csrf

if TYPE_CHECKING:
    from collections.abc import Iterator

#: the module's own server (webkit's fixture)
server = webkit.server

ENGINE = Engine()
SLUGS = [s.slug for s in sections(ENGINE.extensions)]
FULL = (EXAMPLES / "buurtopera.toml").read_bytes()
EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.glob("*.toml"))

Pairs = list[tuple[str, str]]


class _Form(HTMLParser):
    """What the page's ``edit-form`` would post, buttons left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.pairs: Pairs = []
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []
        self.area: str | None = None
        self.text = ""
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "form" and a.get("id") == "edit-form":
            self.inside = True
        if not self.inside:
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox") and "checked" not in a:
                return
            self.pairs.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self.select, self.options = a["name"], []
        elif tag == "option":
            self.options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self.area, self.text = a["name"], ""

    def handle_data(self, data: str) -> None:
        if self.area is not None:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            chosen = [v for v, on in self.options if on] or [self.options[0][0]]
            self.pairs.append((self.select, chosen[0]))
            self.select = None
        elif tag == "textarea" and self.area is not None:
            # NOTE: a browser drops the newline right after <textarea>, as HTML says
            self.pairs.append((self.area, self.text.removeprefix("\n")))
            self.area = None


def form_of(page: str) -> Pairs:
    """The fields a browser would post from the page's form."""
    parser = _Form()
    parser.feed(page)
    return parser.pairs


def ids_of(page: str) -> list[str]:
    parser = _Form()
    parser.feed(page)
    return parser.ids


def with_(pairs: Pairs, **changed: str) -> Pairs:
    """``pairs`` with the fields ``changed`` set (a name's ``__`` is a ``.``)."""
    names = {k.replace("__", "."): v for k, v in changed.items()}
    kept = [(k, v) for k, v in pairs if k not in names]
    return kept + list(names.items())


def make(client: httpx.Client, csrf: str, body: bytes) -> str:
    """Upload ``body`` as a new project; its address (``/projects/N``)."""
    made = upload_file(client, csrf, body)
    assert made.status_code == 303, made.text
    return made.headers["location"].split("?")[0]


def toml_of(client: httpx.Client, project: str) -> str:
    return client.get(f"{project}/project.toml").text


@pytest.fixture(scope="module")
def ann(server: Server) -> Iterator[tuple[httpx.Client, str]]:
    client, csrf = signed_client(server, "ann@example.org")
    yield client, csrf
    client.close()


def post(client: httpx.Client, url: str, pairs: Pairs) -> httpx.Response:
    """Post ``pairs`` as a browser does: urlencoded, a name as often as it has values."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    return client.post(url, content=urlencode(pairs), headers=headers)


def save(client: httpx.Client, project: str, slug: str, pairs: Pairs) -> httpx.Response:
    return post(client, f"{project}/edit/{slug}", pairs)


# --- pages ----------------------------------------------------------------------------------


def test_new_project_then_task_list(ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    page = client.get("/projects/new")
    assert page.status_code == 200
    assert 'id="f-project-name"' in page.text and 'id="f-project-phase"' in page.text
    empty = client.post("/projects/new", data={"csrf": csrf, "name": "", "phase": "idea"})
    assert empty.status_code == 422
    assert ERROR_SUMMARY in empty.text and 'href="#f-project-name"' in empty.text
    assert '<option value="idea" selected>' in empty.text  # what was chosen stays
    made = client.post("/projects/new", data={"csrf": csrf, "name": "Nieuw", "phase": "idea"})
    assert made.status_code == 303
    tasks = made.headers["location"]
    assert re.fullmatch(r"/projects/\d+/edit", tasks)
    listed = client.get(tasks).text
    assert listed.count("niet begonnen") == len(SLUGS) - 1
    assert re.search(r'edit/project">Project</a></td><td class="state-incomplete">', listed)
    text = toml_of(client, tasks.removesuffix("/edit"))
    assert text == 'format = 1\n\n[project]\nname = "Nieuw"\nphase = "idea"\n'
    assert f'href="{tasks}"' in client.get(tasks.removesuffix("/edit")).text
    assert f'href="{tasks}"' in client.get("/projects").text


@pytest.mark.parametrize("body", [b'format = 1\n\n[project]\nname = "Leeg"\n', FULL])
def test_every_page_renders(ann: tuple[httpx.Client, str], body: bytes) -> None:
    client, csrf = ann
    project = make(client, csrf, body)
    for slug in SLUGS:
        page = client.get(f"{project}/edit/{slug}")
        assert page.status_code == 200, slug
        ids = ids_of(page.text)
        assert all(i.startswith(("f-", "problem", "edit-form", "main")) for i in ids if i)
        if slug == "funding":
            assert "f-funding-sources" in ids
    full = client.get(f"{project}/edit/partners").text
    if body == FULL:
        assert 'id="f-partners"' in full and 'id="f-partners-2-domain"' in full
        sources = client.get(f"{project}/edit/funding").text
        assert 'id="f-funding-sources-1-end"' in sources
    assert client.get(f"{project}/edit/nothing").status_code == 404


def test_enum_labels_are_dutch(ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    page = client.get(f"{project}/edit/project").text
    for value in ("idea", "preparation", "execution"):
        label = html.escape(choice_label(value, "nl", "Phase"))
        assert f'<option value="{value}"' in page and f">{label}</option>" in page
    assert '<option value="execution" selected>' in page
    # the projects list names the phase in the page's words too
    assert (
        f"<td>{html.escape(choice_label('execution', 'nl', 'Phase'))}</td>"
        in client.get("/projects").text
    )
    residents = client.get(f"{project}/edit/residents").text
    assert f">{html.escape(choice_label('loneliness', 'nl', 'Need'))}</label>" in residents
    assert "weet niet" in residents
    # a yes/no field's hint says ja, not the file's "true"
    assert "Ja als jullie samen met bewoners hebben uitgezocht" in residents
    assert "true als" not in residents and "true voor" not in residents


def test_viewers_are_refused_and_others_see_nothing(server: Server) -> None:
    owner, csrf = signed_client(server, "carol@example.org")
    project = make(owner, csrf, FULL)
    token = CliRunner().invoke(
        cli, ["tokens", "create", "carol@example.org", "--data", str(server.data)]
    )
    answer = httpx.post(
        f"{server.url}/api/v1{project}/members",
        json={"email": "dave@example.org", "role": "viewer"},
        headers={"Authorization": f"Bearer {token.output.strip()}"},
    )
    assert answer.status_code == 201, answer.text
    viewer, viewer_csrf = signed_client(server, "dave@example.org")
    assert viewer.get(f"{project}/edit").status_code == 403
    assert viewer.get(f"{project}/edit/residents").status_code == 403
    posted = viewer.post(f"{project}/edit/residents", data={"csrf": viewer_csrf})
    assert posted.status_code == 403
    stranger, _ = signed_client(server, "bob@example.org")
    assert stranger.get(f"{project}/edit").status_code == 404
    assert stranger.get(f"{project}/edit/residents").status_code == 404


# --- saving ---------------------------------------------------------------------------------


def test_weet_niet_leaves_the_fact_out(ann: tuple[httpx.Client, str]) -> None:
    client, _ = ann
    project = make(client, ann[1], FULL)
    before = toml_of(client, project)
    line = "needs_identified_with_residents = true\n"
    assert line in before
    pairs = with_(form_of(client.get(f"{project}/edit/residents").text), action="list")
    pairs = with_(pairs, needs_identified_with_residents="", expected_participants="")
    done = save(client, project, "residents", pairs)
    assert done.status_code == 303 and done.headers["location"] == f"{project}/edit?saved=2"
    after = toml_of(client, project)
    expected = re.search(r"expected_participants = \d+\n", before)
    assert expected is not None
    assert after == before.replace(line, "").replace(expected.group(0), "")


def test_untouched_tables_keep_their_bytes(ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    before = toml_of(client, project)
    pairs = form_of(client.get(f"{project}/edit/contact").text)
    pairs = with_(pairs, channel_moderator="Fatima, opbouwwerker")
    done = save(client, project, "contact", pairs)
    assert done.status_code == 303
    assert done.headers["location"] == f"{project}/edit/meeting_place"  # the next page
    after = toml_of(client, project)
    old = re.search(r'channel_moderator = "[^"]*"\n', before)
    assert old is not None
    assert after == before.replace(old.group(0), 'channel_moderator = "Fatima, opbouwwerker"\n')
    assert "# De behoeften komen uit keukentafelgesprekken" in after
    history = client.get(f"{project}/history").text
    assert "Formulier: Contact" in history


def test_nothing_changed_saves_no_version(ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    pairs = form_of(client.get(f"{project}/edit/art").text)
    assert save(client, project, "art", pairs).status_code == 303
    assert 'name="base_version" value="1"' in client.get(f"{project}/edit/art").text


def test_invalid_value_keeps_what_was_typed(ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    pairs = form_of(client.get(f"{project}/edit/project").text)
    pairs = with_(pairs, end="2025-01-01", municipality="Nieuwstad")
    wrong = save(client, project, "project", pairs)
    assert wrong.status_code == 422
    page = wrong.text
    assert ERROR_SUMMARY in page
    assert '<a href="#f-project-end">' in page
    assert 'value="2025-01-01" aria-describedby="f-project-end-hint f-project-end-error"' in page
    assert re.search(r'id="f-project-end-error">het einde \(2025-01-01\) ligt vóór', page)
    assert 'value="Nieuwstad"' in page
    assert toml_of(client, project) == FULL.decode()  # nothing saved
    fixed = save(client, project, "project", with_(pairs, end="2027-03-01"))
    assert fixed.status_code == 303
    assert "end = 2027-03-01\n" in toml_of(client, project)


def test_text_that_is_no_number_gets_the_cli_message(ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    pairs = with_(
        form_of(client.get(f"{project}/edit/residents").text), expected_participants="veel"
    )
    wrong = save(client, project, "residents", pairs)
    assert wrong.status_code == 422
    assert 'value="veel"' in wrong.text
    assert 'href="#f-residents-expected_participants"' in wrong.text
    assert "&#39;veel&#39; (tekst)" in wrong.text


def test_repeated_tables_add_edit_remove(ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    page = client.get(f"{project}/edit/partners").text
    count = len(re.findall(r'<fieldset class="entry" id="f-partners-\d+">', page))
    assert count >= 2
    pairs = with_(form_of(page), **{"1__role": "Getypt en niet verloren"})
    added = save(client, project, "partners", with_(pairs, action="add:"))
    assert added.status_code == 303
    back = added.headers["location"]
    assert re.fullmatch(rf"{project}/edit/partners\?draft=[\w-]+#f-partners", back)
    page = client.get(back).text
    assert f'id="f-partners-{count + 1}-name"' in page
    assert "Getypt en niet verloren" in page  # what was typed before "add" stays
    assert client.get(back).text == page  # reload: the same
    pairs = with_(
        form_of(page),
        **{f"{count + 1}__name": "Bibliotheek", f"{count + 1}__domain": "education"},
    )
    pairs = [(k, v) for k, v in pairs if k != "1.role"] + [("1.role", "Nieuwe rol")]
    done = save(client, project, "partners", with_(pairs, action="list"))
    assert done.status_code == 303, done.text
    text = toml_of(client, project)
    assert text.count("[[partners]]") == count + 1
    assert 'name = "Bibliotheek"\ndomain = "education"\n' in text
    assert 'role = "Nieuwe rol"' in text
    assert "draft=" not in client.get(f"{project}/edit/partners").text
    page = client.get(f"{project}/edit/partners").text
    removed = save(client, project, "partners", with_(form_of(page), action=f"remove:{count + 1}"))
    page = client.get(removed.headers["location"]).text
    assert len(re.findall(r'<fieldset class="entry" id="f-partners-\d+">', page)) == count
    assert save(client, project, "partners", with_(form_of(page), action="list")).status_code == 303
    final = toml_of(client, project)
    assert final.count("[[partners]]") == count and "Bibliotheek" not in final
    assert 'role = "Nieuwe rol"' in final


def test_nested_list_add_in_funding(ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, b'format = 1\n\n[project]\nname = "Geld"\n')
    page = client.get(f"{project}/edit/funding").text
    assert 'id="f-funding-sources"' in page
    added = save(client, project, "funding", with_(form_of(page), action="add:sources"))
    assert added.headers["location"].endswith("#f-funding-sources")
    page = client.get(added.headers["location"]).text
    pairs = with_(
        form_of(page),
        sources__1__name="Gemeente",
        sources__1__kind="fund",
        sources__1__amount_eur="12500,50",
        sources__1__end="2027-01-01",
        action="list",
    )
    assert save(client, project, "funding", pairs).status_code == 303
    text = toml_of(client, project)
    assert (
        '[[funding.sources]]\nname = "Gemeente"\nkind = "fund"\namount_eur = 12500.5\n'
        "end = 2027-01-01\n" in text
    )


def test_plugin_table_appears_and_saves(ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    tasks = client.get(f"{project}/edit").text
    assert f'href="{project}/edit/extensions-fonds">Uitbreiding: fonds</a>' in tasks
    page = client.get(f"{project}/edit/extensions-fonds").text
    assert 'id="f-extensions-fonds-reach_target"' in page
    pairs = with_(form_of(page), reach_target="40", action="list")
    assert save(client, project, "extensions-fonds", pairs).status_code == 303
    text = toml_of(client, project)
    assert text.startswith(FULL.decode()) and text.endswith(
        "\n[extensions.fonds]\nreach_target = 40\n"
    )
    assert "klaar" in client.get(f"{project}/edit").text


# --- two people, and an expired session -----------------------------------------------------


def test_conflict_shows_both_and_saves_on_top(
    server: Server, ann: tuple[httpx.Client, str]
) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    other, _ = signed_client(server, "bob@example.org")
    mine = form_of(client.get(f"{project}/edit/contact").text)
    first = with_(mine, channel_moderator="Eerst")
    assert save(client, project, "contact", first).status_code == 303
    late = with_(mine, channel_moderator="Later")
    clash = save(client, project, "contact", late)
    assert clash.status_code == 409
    assert "Iemand anders heeft intussen opgeslagen" in clash.text
    row = re.search(r"<tr><td><a href=\"#f-contact-channel_moderator\">.*?</tr>", clash.text)
    assert row is not None and "Later" in row.group(0) and "Eerst" in row.group(0)
    assert 'value="Later"' in clash.text and 'name="base_version" value="2"' in clash.text
    assert toml_of(client, project).count("Eerst") == 1
    again = save(client, project, "contact", form_of(clash.text))
    assert again.status_code == 303
    assert 'channel_moderator = "Later"' in toml_of(client, project)
    other.close()


def _old_cookie(server: Server, email: str, sid: str) -> str:
    """A session cookie of ``email`` signed nine hours ago: expired, its signature good."""
    with sqlite3.connect(server.data / "advies.sqlite3") as db:
        secret = db.execute("select value from web_secrets where name = 'cookie'").fetchone()[0]
        user = db.execute("select id from users where email = ?", (email,)).fetchone()[0]

    class Old(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - 9 * 3600

    signer = URLSafeTimedSerializer(secret, salt="advies-session", signer=Old)
    return f"{signer.dumps({'u': user, 's': sid})}|{session_csrf(secret, sid)}"


def test_draft_after_an_expired_session(server: Server, ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    pairs = form_of(client.get(f"{project}/edit/contact").text)
    cookie, old_csrf = _old_cookie(server, "ann@example.org", "oud").split("|")
    typed = with_(pairs, channel_moderator="Typte ik net", csrf=old_csrf)
    late = httpx.Client(base_url=server.url, cookies={"advies_session": cookie})
    answer = post(late, f"{project}/edit/contact", typed)
    assert answer.status_code == 303
    target = answer.headers["location"]
    found = re.fullmatch(
        r"/-/login\?next=(/projects/\d+/edit/contact%3Fdraft%3D[\w-]+)&expired=1", target
    )
    assert found is not None, target
    back = found.group(1).replace("%3F", "?").replace("%3D", "=")
    login = late.get(target).text
    assert "Je sessie is verlopen" in login
    signed = late.post(
        "/-/login",
        data={
            "email": "ann@example.org",
            "password": "een heel lang wachtwoord",
            "csrf": csrf_of(login),
            "next": back,
        },
    )
    assert signed.headers["location"] == back
    page = late.get(back).text
    assert 'value="Typte ik net"' in page and "voordat je sessie verliep" in page
    assert "Typte ik net" not in toml_of(client, project)
    stranger, _ = signed_client(server, "bob@example.org")
    assert "Typte ik net" not in stranger.get(back).text  # not a member: 404
    saved = save(late, project, "contact", with_(form_of(page), action="list"))
    assert saved.status_code == 303
    assert 'channel_moderator = "Typte ik net"' in toml_of(client, project)
    gone = late.get(back).text
    assert "Typte ik net" in gone  # now the saved value
    assert "niet meer bewaard" in gone  # the draft itself was deleted when it was saved
    forged = httpx.Client(base_url=server.url, cookies={"advies_session": cookie})
    refused = post(forged, f"{project}/edit/contact", with_(typed, csrf="fout"))
    assert refused.status_code == 303 and "draft" not in refused.headers["location"]


def test_a_draft_is_only_for_its_user(server: Server, ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    token = CliRunner().invoke(
        cli, ["tokens", "create", "ann@example.org", "--data", str(server.data)]
    )
    answer = httpx.post(
        f"{server.url}/api/v1{project}/members",
        json={"email": "carol@example.org", "role": "editor"},
        headers={"Authorization": f"Bearer {token.output.strip()}"},
    )
    assert answer.status_code == 201, answer.text
    pairs = with_(
        form_of(client.get(f"{project}/edit/partners").text), **{"1__role": "Alleen van Ann"}
    )
    added = save(client, project, "partners", with_(pairs, action="add:"))
    carol, _ = signed_client(server, "carol@example.org")
    page = carol.get(added.headers["location"]).text
    assert "Alleen van Ann" not in page and "niet meer bewaard" in page
    assert "Alleen van Ann" in client.get(added.headers["location"]).text


# --- the property: a page posted back unchanged changes no fact -----------------------------


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.sampled_from(EXAMPLE_FILES), slug=st.sampled_from(SLUGS))
def test_posting_a_page_back_unchanged_keeps_every_fact(
    ann: tuple[httpx.Client, str], name: str, slug: str
) -> None:
    client, csrf = ann
    body = (EXAMPLES / name).read_bytes()
    project = _uploaded(client, csrf, name, body)
    before = toml_of(client, project)
    pairs = with_(form_of(client.get(f"{project}/edit/{slug}").text), action="list")
    assert save(client, project, slug, pairs).status_code == 303
    after = toml_of(client, project)
    assert ENGINE.check(text=after, file=name) == ENGINE.check(text=before, file=name)
    assert after == before  # not a byte changed, so no new version either
    assert 'name="base_version" value="1"' in client.get(f"{project}/edit/{slug}").text


_MADE: dict[str, str] = {}


def _uploaded(client: httpx.Client, csrf: str, name: str, body: bytes) -> str:
    if name not in _MADE:
        _MADE[name] = make(client, csrf, body)
    return _MADE[name]


def test_a_problem_in_another_table_is_listed(ann: tuple[httpx.Client, str]) -> None:
    """Removing a partner the vision names: the vision's problem, linked to its page."""
    client, csrf = ann
    project = make(client, csrf, FULL)
    page = client.get(f"{project}/edit/partners").text
    removed = save(client, project, "partners", with_(form_of(page), action="remove:1"))
    page = client.get(removed.headers["location"]).text
    wrong = save(client, project, "partners", with_(form_of(page), action="list"))
    assert wrong.status_code == 422
    link = f'<li><a href="{project}/edit/vision#f-vision-endorsed_by_partners">'
    found = re.search(
        re.escape(link) + r"vision\.endorsed_by_partners 1 – noemt een partner", wrong.text
    )
    assert found is not None, wrong.text
    assert toml_of(client, project) == FULL.decode()


def test_an_expired_draft_is_deleted(server: Server, ann: tuple[httpx.Client, str]) -> None:
    client, csrf = ann
    project = make(client, csrf, FULL)
    pairs = with_(form_of(client.get(f"{project}/edit/partners").text), **{"1__role": "Weg"})
    back = save(client, project, "partners", with_(pairs, action="add:")).headers["location"]
    assert "Weg" in client.get(back).text
    with sqlite3.connect(server.data / "advies.sqlite3") as db:
        db.execute("update drafts set expires = '2000-01-01 00:00:00'")
    page = client.get(back).text
    assert "Weg" not in page and "niet meer bewaard" in page
    with sqlite3.connect(server.data / "advies.sqlite3") as db:
        assert db.execute("select count(*) from drafts").fetchone()[0] == 0


def test_pages_in_english(server: Server) -> None:
    client, csrf = signed_client(server, "dave@example.org")
    project = make(client, csrf, FULL)
    page = client.get(f"{project}/edit/residents?lang=en").text
    assert "What do the residents need?" in page and "don&#39;t know" in page
    assert f">{html.escape(choice_label('loneliness', 'en', 'Need'))}</label>" in page
    tasks = client.get(f"{project}/edit").text
    assert ">Residents</a>" in tasks and "not started" in tasks
    client.close()
