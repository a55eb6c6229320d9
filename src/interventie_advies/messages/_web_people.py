"""Words of the web pages about people: members, invites, the account and privacy."""

from __future__ import annotations

from ._entry import Entry

__all__ = ["PEOPLE", "PRIVACY", "TABLES"]

#: members, invites and the account
PEOPLE: dict[str, Entry] = {
    "deleted_user": Entry(nl="verwijderde gebruiker", en="deleted user"),
    "footer_privacy": Entry(nl="Privacy", en="Privacy"),
    "footer_account": Entry(nl="Mijn account", en="My account"),
    "mem_title": Entry(nl="Leden", en="Members"),
    "mem_role": Entry(nl="Rol", en="Role"),
    "role_editor": Entry(nl="redacteur (lezen en wijzigen)", en="editor (read and change)"),
    "role_viewer": Entry(nl="lezer (alleen lezen)", en="viewer (read only)"),
    "role_funder": Entry(nl="financier", en="funder"),
    "role_admin": Entry(nl="beheerder", en="administrator"),
    "role_user": Entry(nl="gebruiker", en="user"),
    "mem_remove": Entry(nl="Verwijder", en="Remove"),
    "mem_removed": Entry(nl="Het lid is verwijderd.", en="The member has been removed."),
    "mem_last_editor": Entry(
        nl="De laatste redacteur kan niet weg. Nodig eerst iemand anders uit als redacteur.",
        en="The last editor cannot be removed. First invite someone else as an editor.",
    ),
    "inv_heading": Entry(nl="Iemand uitnodigen", en="Invite someone"),
    "inv_role": Entry(nl="Rol van wie de link gebruikt", en="Role of the person who uses the link"),
    "inv_make": Entry(nl="Maak een uitnodigingslink", en="Make an invite link"),
    "inv_link": Entry(nl="Uitnodigingslink", en="Invite link"),
    "inv_link_hint": Entry(
        nl="Kopieer deze link en stuur hem naar wie je uitnodigt. Je ziet hem maar één keer. "
        "De link werkt één keer en 7 dagen lang.",
        en="Copy this link and send it to the person you invite. You see it only once. "
        "The link works once, for 7 days.",
    ),
    "inv_teams": Entry(nl="Teams uitnodigen", en="Invite teams"),
    "inv_teams_text": Entry(
        nl="Een team dat de link gebruikt, mag een project indienen bij dit programma. "
        "Maak voor elk team een eigen link.",
        en="A team that uses the link may submit a project to this programme. "
        "Make a link for each team.",
    ),
    "inv_made": Entry(nl="Gemaakte links", en="Links made"),
    "inv_created": Entry(nl="Gemaakt (UTC)", en="Made (UTC)"),
    "inv_expires": Entry(nl="Verloopt (UTC)", en="Expires (UTC)"),
    "inv_used": Entry(nl="Gebruikt (UTC)", en="Used (UTC)"),
    "inv_not_used": Entry(nl="nog niet", en="not yet"),
    "inv_title": Entry(nl="Uitnodiging", en="Invitation"),
    "inv_to_project": Entry(
        nl="Je bent uitgenodigd voor het project “{name}” als {role}.",
        en="You are invited to the project “{name}” as {role}.",
    ),
    "inv_to_programme": Entry(
        nl="Je bent uitgenodigd om een project in te dienen bij het programma “{name}”.",
        en="You are invited to submit a project to the programme “{name}”.",
    ),
    "inv_join": Entry(nl="Doe mee", en="Join"),
    "inv_have_account": Entry(nl="Heb je al een account?", en="Do you have an account?"),
    "inv_sign_in": Entry(nl="Log in om mee te doen", en="Sign in to join"),
    "inv_new_account": Entry(nl="Nieuw account", en="New account"),
    "inv_password_hint": Entry(nl="Minstens 12 tekens.", en="At least 12 characters."),
    "inv_password_again": Entry(nl="Wachtwoord nog een keer", en="Password again"),
    "inv_create": Entry(nl="Maak account en doe mee", en="Create account and join"),
    "inv_gone_title": Entry(nl="Deze link werkt niet", en="This link does not work"),
    "inv_gone": Entry(
        nl="Deze uitnodiging is al gebruikt, verlopen of bestaat niet. "
        "Vraag wie je uitnodigde om een nieuwe link.",
        en="This invitation has been used, has expired or does not exist. "
        "Ask the person who invited you for a new link.",
    ),
    "inv_joined": Entry(nl="Je doet nu mee.", en="You have joined."),
    "inv_submit": Entry(
        nl="Je project wordt ingediend bij het programma “{name}”.",
        en="Your project will be submitted to the programme “{name}”.",
    ),
    "err_email": Entry(nl="Vul een geldig e-mailadres in.", en="Give a valid e-mail address."),
    "err_email_taken": Entry(
        nl="Er is al een account met dit e-mailadres. Log in om mee te doen.",
        en="There is already an account with this e-mail address. Sign in to join.",
    ),
    "err_password_short": Entry(
        nl="Het wachtwoord is korter dan 12 tekens.",
        en="The password is shorter than 12 characters.",
    ),
    "err_password_differs": Entry(
        nl="De twee wachtwoorden zijn niet hetzelfde.", en="The two passwords are not the same."
    ),
    "err_password_wrong": Entry(
        nl="Het wachtwoord klopt niet. Er is niets verwijderd.",
        en="The password is not right. Nothing was deleted.",
    ),
    "err_programme": Entry(
        nl="Je mag geen project indienen bij dit programma. Gebruik de uitnodigingslink.",
        en="You may not submit a project to this programme. Use the invite link.",
    ),
    "acc_title": Entry(nl="Mijn account", en="My account"),
    "acc_role": Entry(nl="Soort account", en="Kind of account"),
    "acc_projects": Entry(nl="Mijn projecten", en="My projects"),
    "acc_export": Entry(
        nl="Download alles wat we over je bewaren (JSON)",
        en="Download everything we keep about you (JSON)",
    ),
    "acc_delete": Entry(nl="Account verwijderen", en="Delete account"),
    "acc_delete_text": Entry(
        nl="Je account, je API-sleutels en je rollen verdwijnen. Wat je schreef in projecten "
        "van anderen blijft staan, met als auteur “verwijderde gebruiker”. Dit kan niet "
        "ongedaan worden. Download eerst wat je wilt bewaren.",
        en="Your account, your API tokens and your roles go. What you wrote in other "
        "people's projects stays, with “deleted user” as its author. This cannot be undone. "
        "First download what you want to keep.",
    ),
    "acc_delete_projects": Entry(
        nl="Deze projecten worden ook verwijderd, want jij bent de enige redacteur:",
        en="These projects are deleted too, because you are their only editor:",
    ),
    "acc_confirm_password": Entry(
        nl="Je wachtwoord, om te bevestigen", en="Your password, to confirm"
    ),
    "acc_delete_button": Entry(nl="Verwijder mijn account", en="Delete my account"),
    "acc_deleted": Entry(nl="Je account is verwijderd.", en="Your account has been deleted."),
    "prj_delete": Entry(nl="Project verwijderen", en="Delete project"),
    "prj_delete_text": Entry(
        nl="Dit verwijdert het project met alle {n} versies, de leden en de uitnodigingen. "
        "Dit kan niet ongedaan worden. Download eerst het projectbestand als je het wilt "
        "bewaren.",
        en="This deletes the project with all {n} versions, its members and its invites. "
        "This cannot be undone. First download the project file if you want to keep it.",
    ),
    "prj_delete_button": Entry(nl="Verwijder dit project", en="Delete this project"),
    "prj_deleted": Entry(nl="Het project is verwijderd.", en="The project has been deleted."),
    "back": Entry(nl="Terug", en="Back"),
}

#: the privacy page: headings and short paragraphs
PRIVACY: dict[str, Entry] = {
    "prv_title": Entry(nl="Privacy", en="Privacy"),
    "prv_what_h": Entry(nl="Wat we bewaren", en="What we keep"),
    "prv_what": Entry(
        nl="Je e-mailadres, een versleutelde vorm van je wachtwoord (niet het wachtwoord zelf) "
        "en je rol. Van elk project: elke opgeslagen versie, wie die opsloeg en wanneer. "
        "Projectbestanden kunnen namen van mensen bevatten. Mislukte inlogpogingen bewaren we "
        "15 minuten.",
        en="Your e-mail address, a scrambled form of your password (not the password itself) "
        "and your role. For each project: every saved version, who saved it and when. "
        "Project files can hold people's names. Failed sign-ins are kept for 15 minutes.",
    ),
    "prv_why_h": Entry(nl="Waarom", en="Why"),
    "prv_why": Entry(
        nl="Om je te laten inloggen, om te bepalen wie een project mag zien en om advies te "
        "geven. We gebruiken je gegevens voor niets anders en geven ze aan niemand.",
        en="To let you sign in, to decide who may see a project, and to give advice. We use "
        "your data for nothing else and give it to no one.",
    ),
    "prv_who_h": Entry(nl="Wie het ziet", en="Who sees it"),
    "prv_who": Entry(
        nl="De leden van een project zien het project en wie er lid is. Financiers van een "
        "programma zien de projecten die daarbij zijn ingediend. De beheerder van deze server "
        "kan alles zien.",
        en="A project's members see the project and who its members are. Funders of a "
        "programme see the projects submitted to it. The administrator of this server can "
        "see everything.",
    ),
    "prv_how_long_h": Entry(nl="Hoe lang", en="How long"),
    "prv_how_long": Entry(
        nl="Zolang je account of het project bestaat. Na verwijderen zijn de gegevens meteen "
        "weg uit de database. In reservekopieën blijven ze tot die kopieën worden "
        "opgeruimd.",
        en="As long as your account or the project exists. After deleting, the data is gone "
        "from the database at once. Backup copies keep it until those copies are cleared "
        "away.",
    ),
    "prv_delete_h": Entry(nl="Inzien en verwijderen", en="See and delete"),
    "prv_delete": Entry(
        nl="Op de pagina Mijn account download je alles wat we over je bewaren, en verwijder "
        "je je account. Een redacteur kan een project verwijderen op de pagina van het "
        "project.",
        en="On the My account page you download everything we keep about you, and delete "
        "your account. An editor can delete a project on the project's page.",
    ),
}

TABLES = {"web": {**PEOPLE, **PRIVACY}}
