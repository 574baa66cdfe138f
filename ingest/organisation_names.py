"""Organisation names that rules and the gazetteer found in pieces, made whole, and portfolios.

The longest, most specific name wins: "ministerie van Sociale Zaken en Werkgelegenheid" and "Centrum voor
Gelijkheid van Kansen en voor Racismebestrijding" are one organisation each, never cut into shorter
entities; "minister van Defensie" names a portfolio, not the ministry. Names the capital sequences cannot
hold are found here too: a channel and its number ("Radio 1"), a name opening with a digit ("3FM"), a legal
form after a known name ("Proximus NV"). Each function takes the article (a `MentionRules`) and its chosen
candidates, and returns the candidates to keep.
"""

import re

from .mention_words import (
    _START, CAP, LEGAL_FORMS, ORG_ENDINGS, ORG_PREFIXES, PARTICLE_WORDS, STRONG, WORD, Candidate, is_org_word as _is_org_word,
    is_word_char as _is_word_char,
)

PORTFOLIO_PREFIXES = ("minister van ", "Minister van ", "staatssecretaris van ", "Staatssecretaris van ",
                      "ministers van ", "oud-minister van ")
# "ministerie van Sociale Zaken en Werkgelegenheid", "Ministerie van Onderwijs, Cultuur en Wetenschap"
_NAME = rf"{CAP}(?: {CAP})*"
MINISTRY = re.compile(rf"\b([Mm])inisterie van (?:de )?({_NAME}(?:(?:, {_NAME})*,? en {_NAME})?)")
MINISTRY_PARTS = re.compile(r",? en |, ")
# " voor de Statistiek", " voor Gelijkheid van Kansen en voor Racismebestrijding": what follows an organisation word
ORGANISATION_TAIL = re.compile(
    rf" (?:voor|tot) (?:(?:de|het) )?{CAP}(?:(?: | (?:van|voor|en|en voor|en van)(?: (?:de|het))? ){CAP})*"
)
# "Radio 1", "Kanaal 2", "NPO Radio 1": a channel's word and its number (not "Radio 1,5 procent"), after a
# broadcaster's letters if any; not a count of something ("TV 2 keer", "het Kanaal 3 keer over")
COUNTED = """
keer maal uur uren minuten seconden dag dagen week weken maand maanden jaar jaren eeuw stuks procent euro dollar
frank gulden cent miljoen miljard meter kilometer kilo ton man mensen per km m kg x""".split()
CHANNEL = re.compile(
    rf"(?:\b[A-Z]{{2,4}} )?\b(?:Radio|Kanaal|TV|Televisie) [1-9][0-9]{{0,2}}(?![\w%]|[.,]\d| %| (?:à|a|tot|of|-) \d)"
    rf"(?! (?:{'|'.join(COUNTED)})\b)"
)
# "3FM", "4FM", "3M": a digit and two or three capitals standing alone name a broadcaster or a company; the
# capital sequences only start at a capital, so these are found apart. Not units or ordinals ("4GB", "3RD").
DIGIT_NAME = re.compile(r"[1-9]([A-Z]{2,3})(?![\w-])")
UNITS = frozenset("""
MLN MLD MIO KB MB GB TB PB KW MW GW KV HP PK CC CM MM KM KG MG ML HZ WD DS CV XL XXL XS PT EUR USD AM PM ST ND RD TH DE STE DEH
ASO BSO KSO TSO VWO HAVO VMBO MBO HBO WO BA MA
""".split())  # and school years: "6ASO", "3VWO", "1BA"
LEGAL_FORM_KEYS = frozenset(form.upper().rstrip(".") for form in LEGAL_FORMS)
# "rechtbank Gelderland", "universiteit Utrecht": lowercase nouns of institutions named by their place
INSTITUTION_NOUNS = ("rechtbank ", "gerechtshof ", "universiteit ", "hogeschool ", "veiligheidsregio ",
                     "waterschap ", "omroep ")


def with_channels(article, chosen):
    """"Radio 1", "Kanaal 2", "NPO Radio 1": a channel's word and its number name one broadcaster, an
    organisation (`CHANNEL`)."""
    text = article.text
    if "Radio " not in text and "Kanaal " not in text and "TV " not in text and "Televisie " not in text:
        return chosen
    channels = [m.span() for m in CHANNEL.finditer(text)]
    if not channels:
        return chosen
    kept = [c for c in chosen if not any(s < c.end and c.start < e for s, e in channels)]
    names = [Candidate(s, e, "organization", *_entity(article, text[s:e]), "rule", STRONG + 2) for s, e in channels]
    return sorted(kept + names, key=_START)


def with_digit_names(article, chosen):
    """"3FM", "4FM", "3M": names that open with a digit (`DIGIT_NAME`) are organisations."""
    text = article.text
    names = [
        Candidate(m.start(), m.end(), "organization", *_entity(article, m.group()), "rule", STRONG)
        for m in DIGIT_NAME.finditer(text)
        if m.group(1) not in UNITS and not article.is_word(m.group(1))
        and (m.start() == 0 or not (_is_word_char(text[m.start() - 1]) or text[m.start() - 1] in ".,/-"))
    ]
    names = [n for n in names if not any(c.start < n.end and n.start < c.end for c in chosen)]
    return sorted(chosen + names, key=_START) if names else chosen


def with_legal_forms(article, chosen):
    """"Club Brugge KV" is Club Brugge, "Proximus NV" Proximus: an organisation's legal form or club letters
    after its name belong to the mention and name the same organisation, whether the rules found them
    apart or with the name."""
    text, found, entities = article.text, [], article.gazetteer.entities
    for c in chosen:
        previous = found[-1] if found else None
        if (previous is not None and previous.type == "organization" and text[previous.end:c.start] == " "
                and _is_legal_form(text[c.start:c.end])):
            found[-1] = Candidate(previous.start, c.end, "organization", previous.entity, previous.wikidata,
                                  previous.method, max(previous.strength, c.strength))
            continue
        if c.type == "organization" and c.method == "rule" and " " in c.entity:
            name, suffix = c.entity.rsplit(" ", 1)
            known = entities.get(name)  # a name, not an alias: "Port of Antwerp NV" is no "Antwerp" club
            if _is_legal_form(suffix) and known is not None and known.type == "organization":
                c.entity, c.wikidata = known.name, known.wikidata
        found.append(c)
    return found


def _is_legal_form(word):
    """"NV", "N.V.", "PLC", "Inc.", "KV": a legal form (in any case, with or without its full stop) or club letters."""
    return word.upper().rstrip(".") in LEGAL_FORM_KEYS or word in ORG_PREFIXES


def with_institutions(article, chosen):
    """"rechtbank Gelderland", "veiligheidsregio Utrecht": a lowercase institution noun before a place
    names the institution, an organisation, not the place."""
    text = article.text
    if not any(noun in text for noun in INSTITUTION_NOUNS):
        return chosen
    found = []
    for c in chosen:
        if c.type != "location" or not text.endswith(INSTITUTION_NOUNS, 0, c.start):
            found.append(c)
            continue
        start = text.rfind(" ", 0, c.start - 1) + 1
        name = text[start:c.end]
        found.append(Candidate(start, c.end, "organization", *_entity(article, name), "rule", c.strength))
    return found


def without_portfolios(article, chosen):
    """"minister van Defensie", "Minister Karremans van Economische Zaken": after a minister the
    ministry's name is a portfolio, part of the title, not a mention of the organisation."""
    text = article.text
    if "inister" not in text and "taatssecretaris" not in text:
        return chosen
    kept, previous = [], None
    for c in chosen:
        portfolio = c.type == "organization" and (
            text.endswith(PORTFOLIO_PREFIXES, 0, c.start)
            or (previous is not None and previous.type == "person" and text[previous.end:c.start] == " van "
                and _after_minister(article, previous.start))
        )
        if not portfolio:
            kept.append(c)
        previous = c
    return kept


def _after_minister(article, pos):
    words = article.previous_words(pos)
    return bool(words) and words[-1].lower() in ("minister", "staatssecretaris", "oud-minister")


def with_ministries(article, chosen):
    """"het ministerie van Sociale Zaken", "Ministerie van Onderwijs, Cultuur en Wetenschap": a ministry's
    whole name is one organisation, never cut into a shorter entity. After a lower-case "ministerie" (a
    common noun, Onze Taal, "ministerie") the mention is the name ("Sociale Zaken"); with a capital it is
    all name. The entity is the known ministry ("ministerie van VWS" is the ministerie van Volksgezondheid),
    or, after a nationality, that country's ("het Franse ministerie van Defensie"); "het ministerie van
    Hoekstra" names a person."""
    text = article.text
    if "inisterie van " not in text:
        return chosen
    ministries = []
    for m in MINISTRY.finditer(text):
        name = _ministry_name(article, m.group(2))
        if not name:
            continue
        start = m.start() if m.group(1) == "M" else m.start(2)
        entity, wikidata = _ministry(article, "m" + text[m.start() + 1:m.start(2)] + name, m.start())
        ministries.append(Candidate(start, m.start(2) + len(name), "organization", entity, wikidata, "rule", STRONG + 2))
    if not ministries:
        return chosen
    kept = [c for c in chosen if not any(c.start < n.end and n.start < c.end for n in ministries)]
    return sorted(kept + ministries, key=_START)


def _ministry_name(article, words):
    """The ministry's name at the start of `words` ("Sociale Zaken en Werkgelegenheid", "Onderwijs, Cultuur
    en Wetenschap"): all of them if a ministry has that name, else the first part and the parts after it
    that are common nouns, as the names of policy areas are ("Verkeer en Waterstaat"); not a name of its own
    ("Onderwijs | en Jan Peeters", "Defensie | en Damen Shipyards", "Buitenlandse Zaken | , Defensie en
    Financiën": known ministries each). Empty when the first part names a person ("het ministerie van
    Hoekstra")."""
    surfaces = article.gazetteer.surfaces
    if _is_ministry(surfaces.get("ministerie van " + words) or surfaces.get(words)):
        return words
    parts = MINISTRY_PARTS.split(words)
    first = surfaces.get(parts[0])
    if article.is_first_name(parts[0].split()[0]) or (first is not None and first.type == "person"):
        return ""
    end = len(parts[0])
    for part in parts[1:]:
        if part in surfaces or part.split()[0].lower() in PARTICLE_WORDS or not all(map(article.is_word, part.split())):
            break
        end = words.index(part, end) + len(part)
    return words[:end]


def _is_ministry(entity):
    return entity is not None and entity.name.startswith("ministerie van ")


def _ministry(article, name, start):
    """(entity, wikidata) of the ministry `name` ("ministerie van Defensie", "ministerie van de Vlaamse
    Gemeenschap", always in lower case) whose "ministerie" starts at `start` in the text."""
    before = article.previous_words(start)
    if before and article.is_nationality(before[-1]) and not before[-1].startswith("Nederland"):
        return f"{before[-1]} {name}", None
    surfaces = article.gazetteer.surfaces
    known = surfaces.get(name) or surfaces.get(name.removeprefix("ministerie van "))
    if _is_ministry(known):
        return known.name, known.wikidata
    return name, None


def with_organisation_tails(article, chosen):
    """"Centraal Bureau voor de Statistiek", "Partij voor de Dieren", "Stichting tot Behoud van de
    Veluwe": an organisation word, "voor" or "tot" and capitalised words are one name, never cut into
    shorter entities. The name starts where the candidate holding the organisation word starts; an
    "en" before a first name ends it ("Raad voor Cultuur en Jan Peeters"); a tail that names an
    organisation or a known entity itself is no part of the name ("Bank voor de Boerenpartij", "Commissie voor
    Oekraïne"); one that only holds a known name is ("Vereniging tot Behoud van Natuurmonumenten")."""
    text = article.text
    if " voor " not in text and " tot " not in text:
        return chosen
    names = []
    for match in ORGANISATION_TAIL.finditer(text):
        head_end = start = match.start()
        while start > 0 and _is_word_char(text[start - 1]):
            start -= 1
        head = text[start:head_end]
        if not head[:1].isupper() or not (_is_org_word(head) or head.lower() in ORG_ENDINGS):
            continue
        holder = next((c for c in chosen if c.start <= start < c.end), None)
        if holder is not None:
            if holder.type not in ("organization", "other") or holder.end > head_end:
                continue
            start = holder.start
        end = _tail_end(article, match)
        tail = WORD.findall(text, match.start(), end)
        named = " ".join(tail[2:] if tail[1] in ("de", "het") else tail[1:])
        if _is_org_word(tail[-1]) or named in article.gazetteer.surfaces:
            continue  # "Bank voor de Boerenpartij", "Commissie voor Oekraïne": for another organisation or place
        name = " ".join(text[start:end].split())
        names.append(Candidate(start, end, "organization", *_entity(article, name), "rule", STRONG + 2))
    if not names:
        return chosen
    kept = [c for c in chosen if not any(n.start <= c.start and c.end <= n.end for n in names)]
    return sorted(kept + names, key=_START)


def _tail_end(article, match):
    """Where an organisation's tail ends: at its end, or before an " en " that a first name follows."""
    tail, offset = match.group(), match.start()
    i = tail.find(" en ")
    while i >= 0:
        following = WORD.match(tail, i + 4)
        if following and article.is_first_name(following.group()):
            return offset + i
        i = tail.find(" en ", i + 4)
    return match.end()


def _entity(article, name):
    """(entity name, wikidata) for an organisation's whole name: the known entity's, or the name itself."""
    known = article.gazetteer.surfaces.get(name)
    return (known.name, known.wikidata) if known else (name, None)
