"""Words the renderers show, in Dutch and English."""

from __future__ import annotations

__all__ = ["counted", "label", "summary_line", "word"]

_WORDS: dict[str, tuple[str, str]] = {
    # headings
    "advice_for": ("Advies voor", "Advice for"),
    "phase": ("fase", "phase"),
    "evaluated_on": ("beoordeeld op", "evaluated on"),
    "top": ("Belangrijkste advies", "Top advice"),
    "warnings": ("Waarschuwingen", "Warnings"),
    "other": ("Overige aanbevelingen", "Other recommendations"),
    "questions": ("Vragen om te beantwoorden", "Questions to answer"),
    "strengths": ("Sterke punten", "Strengths"),
    "elements": ("Overzicht per element", "Element overview"),
    "effects": ("Wat het project kan opleveren", "What the project is likely to bring about"),
    "not_followed": ("Bewust niet gevolgd", "Consciously not followed"),
    "stale": (
        "Besluiten over advies dat niet meer geldt",
        "Decisions about advice that no longer applies",
    ),
    "errors": ("Fouten in plugins of regels", "Errors in plugins or rules"),
    "notes": ("Let op", "Note"),
    "why": ("Waarom", "Why"),
    "actions": ("Wat kun je doen", "What you can do"),
    "score": ("Score", "Score"),
    "fill_in": ("vul in", "fill in"),
    "decision": ("besluit", "decision"),
    "reason": ("reden", "reason"),
    "none": ("Geen.", "None."),
    "source": ("Bron", "Source"),
    "recommendations_n": ("aanbevelingen", "recommendations"),
    "warnings_n": ("waarschuwingen", "warnings"),
    "questions_n": ("vragen", "questions"),
    "strengths_n": ("sterke punten", "strengths"),
    "recommendations_1": ("aanbeveling", "recommendation"),
    "warnings_1": ("waarschuwing", "warning"),
    "questions_1": ("vraag", "question"),
    "strengths_1": ("sterk punt", "strength"),
    "element": ("Element", "Element"),
    "described": ("beschreven", "described"),
    "completeness": (
        "Beschreven: {d} van de {n} gegevens die de regels gebruiken ({p}%)",
        "Described: {d} of the {n} facts the rules use ({p}%)",
    ),
    "status": ("Status", "Status"),
    "effect": ("Effect", "Effect"),
    "level": ("Niveau", "Level"),
    "unknown_phase": ("onbekend", "unknown"),
    # enums
    "high": ("hoog", "high"),
    "medium": ("middel", "medium"),
    "low": ("laag", "low"),
    "recommendation": ("aanbeveling", "recommendation"),
    "warning": ("waarschuwing", "warning"),
    "strength": ("sterk punt", "strength"),
    "covered": ("op orde", "covered"),
    "partial": ("deels", "partial"),
    "missing": ("ontbreekt", "missing"),
    "unknown": ("onbekend", "unknown"),
    "strong": ("sterk", "strong"),
    "moderate": ("redelijk", "moderate"),
    "weak": ("zwak", "weak"),
    "idea": ("idee", "idea"),
    "preparation": ("voorbereiding", "preparation"),
    "execution": ("uitvoering", "execution"),
    "closing": ("afronding", "closing"),
    "continuation": ("voortzetting", "continuation"),
    "accepted": ("overgenomen", "accepted"),
    "in_progress": ("mee bezig", "in progress"),
    "done": ("gedaan", "done"),
    "rejected": ("afgewezen", "rejected"),
    # residents' needs
    "loneliness": ("eenzaamheid", "loneliness"),
    "social_cohesion": ("sociale samenhang", "social cohesion"),
    "safety": ("veiligheid", "safety"),
    "pride": ("trots", "pride"),
    "participation": ("meedoen", "participation"),
    "health_wellbeing": ("gezondheid en welzijn", "health and wellbeing"),
    "language": ("taal", "language"),
    "talent_development": ("talentontwikkeling", "talent development"),
    "intercultural_contact": ("contact tussen culturen", "intercultural contact"),
    "intergenerational_contact": ("contact tussen generaties", "contact between generations"),
    "public_space": ("openbare ruimte", "public space"),
    "not_applicable": ("niet van toepassing", "not applicable"),
}


def word(key: str, lang: str) -> str:
    """The word for ``key`` in ``lang``; the key itself when unknown."""
    pair = _WORDS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "nl" else pair[1]


label = word


def counted(n: int, key: str, lang: str) -> str:
    """``n`` with the singular or plural word, e.g. ``1 vraag`` or ``3 vragen``."""
    return f"{n} {word(f'{key}_1' if n == 1 else f'{key}_n', lang)}"


def summary_line(summary: dict[str, object], lang: str) -> str:
    """The counts of a report in one line."""
    parts = [
        counted(int(summary[key]), key, lang)  # type: ignore[call-overload]
        for key in ("recommendations", "warnings", "questions", "strengths")
    ]
    return " · ".join(parts)
