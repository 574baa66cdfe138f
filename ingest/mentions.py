"""Find people, places and organisations in Dutch news text.

`extract_mentions(text)` reads one whole article and returns its mentions, each
linked to a canonical entity. Three passes, cheapest evidence first:

1. gazetteer: every surface form of a known entity, matched case-sensitively on
   word boundaries with one Aho-Corasick automaton;
2. rules: sequences of capitalised words (with name particles and initials) that
   the gazetteer does not cover, typed by cues around and inside them (a first
   name, "president", "Universiteit", "in", ...); a capital at the start of a
   sentence is no evidence when the word is a common Dutch word;
3. coreference: a surname alone ("Peeters") is the full name ("Jan Peeters")
   used elsewhere in the article, and one spelling gets one type per article.
"""

import re
from dataclasses import dataclass

from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer

__all__ = ["Mention", "extract_mentions", "load_gazetteer"]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: str
    entity: str
    wikidata: str | None
    method: str


UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
CAP = rf"[{UPPER}][\w]*(?:[-'’&][\w]+)*"
INITIAL = rf"[{UPPER}]\."
PARTICLES = "van|von|de|der|den|ter|ten|du|da|di|del|della|dos|das|la|le|bin|ibn|al|el|'t|van't|vanden|vander|zu"
PARTICLE_WORDS = frozenset(PARTICLES.split("|")) | {"vande", "vanden", "vander", "d'"}
SPACE = r"[ \t\u00a0]+"
NAME_SEQUENCE = re.compile(
    rf"(?<![\w.])(?:(?:{INITIAL}[ ]?){{1,4}}(?:(?:{PARTICLES}){SPACE})*)?{CAP}"
    rf"(?:{SPACE}(?:&{SPACE})?(?:(?:{PARTICLES}){SPACE})*(?:{INITIAL}[ ]?){{0,3}}{CAP})*"
)
SEQUENCE_PART = re.compile(rf"{INITIAL}|{CAP}|\S+")
LOWER_WORD = re.compile(r"(?<![\w])[a-zà-ÿ][\w]*")
WORD = re.compile(r"[\w][\w'-]*")
DATELINE_TAIL = re.compile(r" (?:\([^()\n]{1,30}\) )?[-–—] ")
SENTENCE_END = set(".!?:;\n…")
OPENERS = set("\"'“‘„«(–—-•*")

PERSON_CUES = frozenset("""
president presidente premier minister ministers staatssecretaris bondskanselier kanselier burgemeester schepen
wethouder gouverneur senator congreslid kamerlid parlementslid europarlementariër fractieleider fractievoorzitter
partijleider lijsttrekker voorzitter ondervoorzitter secretaris-generaal woordvoerder woordvoerster coach trainer
bondscoach directeur topman topvrouw ceo baas oprichter eigenaar voorman koning koningin prins prinses keizer
paus kardinaal bisschop aartsbisschop imam rabbijn dominee pastoor generaal kolonel majoor kapitein commandant
advocaat advocate rechter onderzoeksrechter procureur aanklager openbaar professor prof. dr. mr. ir. drs. heer
mevrouw meneer mijnheer zanger zangeres schrijver schrijfster auteur dichter acteur actrice regisseur kunstenaar
componist dirigent journalist fotograaf ploegleider speler spelers aanvaller verdediger middenvelder doelman
keeper spits renner wielrenner tennisser tennisster atleet zwemmer schaatser voetballer piloot kampioen
econoom analist onderzoeker wetenschapper historicus politicus politica collega ambtgenoot opvolger voorganger
vader moeder zoon dochter broer zus echtgenoot echtgenote weduwe vriendin vriend oom tante neef nicht
dictator leider rebellenleider oppositieleider verdachte slachtoffer getuige agent inspecteur commissaris
ambassadeur diplomaat gezant afgevaardigde vertegenwoordiger kandidaat uitdager winnaar verliezer
""".split())
PERSON_CUE_ENDINGS = ("minister", "voorzitter", "woordvoerder", "woordvoerster", "premier", "president",
                      "leider", "directeur", "topman", "coach", "trainer", "speler", "speelster", "journalist",
                      "burgemeester", "commissaris", "secretaris", "chef", "baas", "manager", "advocaat")
PLACE_CUES = frozenset("in uit naar nabij vanuit richting rond te".split())
ORG_CUE_ENDINGS = ("bedrijf", "groep", "concern", "firma", "fabrikant", "producent", "bank", "krant", "zender",
                   "omroep", "club", "ploeg", "partij", "maatschappij", "uitgeverij", "keten", "holding",
                   "organisatie", "vereniging", "bond", "netwerk", "operator", "dochter", "maker", "winkel",
                   "leverancier", "verzekeraar", "label", "team", "corporatie", "distributeur")
OTHER_WORDS = frozenset("""
League Cup Games Spelen Open Tour Giro Vuelta Festival Awards Prijs Trofee Beker Oorlog Wereldoorlog Grand Prix
Olympische Paralympische Marathon Classic Biënnale Biennale Expo Derby
""".split())
ORG_WORDS = frozenset("""
Universiteit Hogeschool Ministerie Bank Stichting Vereniging Partij Raad Commissie Rechtbank Hof Federatie Bond
Unie Instituut Museum Ziekenhuis Omroep Fonds Agentschap Dienst Groep Academie Orkest Comité Beweging Liga
Bureau Autoriteit Inspectie Maatschappij Holding Coöperatie Kerk Parlement Senaat Kamer Regering Kabinet
Company Corporation Group University Party Institute Foundation Association Agency Organisation Organization
Union Airlines Airways Motors Industries Records Productions Studios Pictures Telecom Energy Pharma Systems
Technologies Electronics Fund Trust Capital Partners Media News Times Post Journal Club United FC NV BV AG SA
Inc Ltd GmbH plc Corp Partnership Securities Holdings Investments Services Software Networks Communications
Insurance Finance Financial Consulting Logistics Team MC Radio TV Televisie Brouwerij Nieuwsblad Dagblad Courant Krant Gazet Ensemble Council Commission Bureau Tribune
""".split())
ORG_ENDINGS = ("bank", "partij", "bond", "groep", "fonds", "unie", "raad", "dienst", "stichting", "vereniging",
               "maatschappij", "omroep", "krant", "blad", "academie", "instituut", "federatie", "beweging",
               "ziekenhuis", "universiteit", "hogeschool", "orkest", "ministerie", "agentschap", "comité")
ORG_PREFIXES = frozenset("FC KV KRC RSC SV VV AFC AS AC SC KSV KVC KAA RC SK KFC KSC VfB VfL".split())
PLACE_ENDINGS = ("straat", "laan", "plein", "gracht", "kade", "dijk", "dorp", "stad", "burg", "dam", "veen",
                 "zee", "meer", "eiland", "eilanden", "gebergte", "haven", "hoven", "oord", "wijk", "vallei",
                 "rivier", "kerke", "gem", "hem", "ingen", "land", "berg", "bergen", "bos", "heide")
COMPASS_PREFIXES = ("Noord-", "Zuid-", "Oost-", "West-", "Midden-", "Centraal-", "Noordoost-", "Noordwest-",
                    "Zuidoost-", "Zuidwest-", "Zuidelijk-", "Noordelijk-")
ADJECTIVE_ENDINGS = ("se", "sche", "ele", "ële", "ale", "ieke", "ige")

# Evidence strength, so that the best-founded reading of a spelling wins per article.
STRONG, WEAK = 2, 1


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    entity: str
    wikidata: str | None
    method: str
    strength: int


def extract_mentions(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Mentions in `text` (a whole article), sorted by start and non-overlapping."""
    gazetteer = gazetteer or default_gazetteer()
    article = Article(text, gazetteer)
    matches = article.gazetteer_candidates()
    chosen = _without_overlaps(matches + article.rule_candidates(matches))
    chosen = article.resolve(chosen)
    return [
        Mention(c.start, c.end, text[c.start:c.end], c.type, c.entity, c.wikidata, c.method)
        for c in chosen
    ]


class Article:
    """One text and what is known about its words."""

    def __init__(self, text, gazetteer):
        self.text = text
        self.gazetteer = gazetteer
        self.lowercase_words = set(LOWER_WORD.findall(text))

    def at_sentence_start(self, pos):
        """After a full stop, a line break, a dateline dash ("DEN HAAG - Het ...") or at the very start."""
        i = pos - 1
        text = self.text
        while i >= 0 and (text[i] in " \t\u00a0" or text[i] in OPENERS):
            if text[i] in "-–—" and i > 0 and text[i - 1] == " " and text[i + 1:i + 2] == " ":
                return True
            i -= 1
        return i < 0 or text[i] in SENTENCE_END

    def is_common_word(self, word):
        lower = word.lower()
        return lower in self.gazetteer.common_words or lower in self.lowercase_words

    def is_nationality(self, word):
        """"Russisch", "Russische", "Russen"; "Europese" from "Europees"."""
        nationalities = self.gazetteer.nationalities
        if word in nationalities or (word.endswith("e") and word[:-1] in nationalities):
            return True
        return word.endswith("ese") and word[:-3] + "ees" in nationalities

    def gazetteer_candidates(self):
        """Every known surface form on word boundaries, except common words opening a sentence ("Best")."""
        text, found = self.text, []
        for end, (length, entity) in self.gazetteer.automaton.iter(text):
            start, end = end - length + 1, end + 1
            if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue
            if " " not in text[start:end] and self.at_sentence_start(start) and self.is_common_word(text[start:end]):
                continue
            found.append(Candidate(start, end, entity.type, entity.name, entity.wikidata, "gazetteer", STRONG))
        return found

    def rule_candidates(self, gazetteer_matches):
        """Candidates from capitalised word sequences, around and over the gazetteer's matches."""
        covered = {}
        for c in gazetteer_matches:
            for pos in range(c.start, c.end):
                covered[pos] = c
        found = []
        for match in NAME_SEQUENCE.finditer(self.text):
            offset = match.start()
            parts = [(offset + p.start(), offset + p.end()) for p in SEQUENCE_PART.finditer(match.group())]
            parts = self._strip_non_names(parts)
            if parts:
                found.extend(self._candidates_in(parts, covered))
        return found

    def _strip_non_names(self, parts):
        """Drop leading words that are not part of a name: sentence-initial common words, titles, nationalities."""
        text, first_names = self.text, self.gazetteer.first_names
        while parts:
            start, end = parts[0]
            word = text[start:end]
            if word.islower() or word == "&":
                parts = parts[1:]
            elif word.isupper() and word.lower() in self.gazetteer.common_words:
                parts = parts[1:]
            elif self.at_sentence_start(start) and self._opens_sentence_only(word, parts):
                parts = parts[1:]
            elif word.lower() in PERSON_CUES:
                parts = parts[1:]
            elif self.is_nationality(word) and not (len(parts) > 1 and word in first_names):
                if len(parts) == 2 and self._is_org_word(text[parts[-1][0]:parts[-1][1]]):
                    break
                parts = parts[1:]
            else:
                break
        while parts and text[parts[-1][0]:parts[-1][1]].islower():
            parts = parts[:-1]
        return parts

    def _opens_sentence_only(self, word, parts):
        """Sentence-initial words that only look like names: "Het", "Vakbond FNV", "Bussen van Arriva"."""
        if self.is_common_word(word):
            return True
        if len(parts) < 2 or self._is_first_name(word) or word in self.gazetteer.surfaces:
            return False
        lower = word.lower()
        following = self.text[parts[1][0]:parts[1][1]]
        return (
            _is_person_cue(lower)
            or lower.endswith(ORG_CUE_ENDINGS)
            or following == "van"
            or self._is_first_name(following)
        )

    def _candidates_in(self, parts, covered):
        """Typed candidates for one capitalised sequence; `covered` maps offsets to gazetteer matches."""
        if not parts:
            return []
        text = self.text
        words = [text[s:e] for s, e in parts]
        split = self._split_point(words)
        if split:
            before, after = _strip_particles(parts[:split], text), _strip_particles(parts[split:], text)
            return self._candidates_in(before, covered) + self._candidates_in(after, covered)
        start, end = parts[0][0], parts[-1][1]
        if "&" in words or any(self._is_org_word(w) for w in words) or (len(words) > 1 and words[0] in ORG_PREFIXES):
            return [self._rule_candidate(start, end, "organization", STRONG, override=True)]
        if any(w in OTHER_WORDS for w in words):
            return [self._rule_candidate(start, end, "other", STRONG, override=True)]
        if len(words) == 1 and words[0].isupper() and start not in covered and self._is_dateline(end):
            return [self._rule_candidate(start, end, "location", STRONG, override=True)]
        if len(words) == 1 and words[0].startswith(COMPASS_PREFIXES):
            return [self._rule_candidate(start, end, "location", STRONG, override=True)]
        found = []
        for segment in _segments_outside(parts, covered, text, self._is_first_name):
            words = [text[s:e] for s, e in segment]
            seg_start, seg_end = segment[0][0], segment[-1][1]
            if len(words) == 1 and not self._may_be_single_name(words[0], seg_start):
                continue
            if self._is_first_name(words[-1]) and seg_end + 1 in covered and covered[seg_end + 1].type != "organization":
                following = covered[seg_end + 1]
                found.append(self._rule_candidate(seg_start, following.end, "person", STRONG, override=True))
                continue
            type_, strength = self._type_from_cues(segment, words)
            found.append(self._rule_candidate(seg_start, seg_end, type_, strength))
        return found

    def _is_dateline(self, end):
        """"ROUBAIX - ..." or "GENÈVE (AFP) - ..." opening a paragraph."""
        return DATELINE_TAIL.match(self.text, end) is not None

    def _split_point(self, words):
        """Where one name ends and another starts: "Cultuur | Bert Anciaux", "Pol Tansens | van | Sabena"."""
        for i in range(1, len(words)):
            if self._is_first_name(words[i]) and self._is_not_name_part(words[i - 1]):
                return i
            if words[i] == "van" and i >= 2 and not all(self._is_first_name(w) for w in words[:i]):
                if self._is_first_name(words[0]) or words[i + 1] in ("de", "het"):
                    return i
        return 0

    def _is_not_name_part(self, word):
        """A word that ends whatever precedes a first name: a common word, an acronym, "Likoed-man"."""
        if word.endswith("."):
            return False
        if "-" in word and word.rsplit("-", 1)[1].islower():
            return True
        return (word.isupper() and len(word) > 1) or word.lower() in self.gazetteer.common_words

    def _is_first_name(self, word):
        return word.endswith(".") or word in self.gazetteer.first_names or word.split("-")[0] in self.gazetteer.first_names

    def _may_be_single_name(self, word, start):
        """A lone capitalised word is no name if it is a common word, or starts a sentence and nothing else says so."""
        if word in self.gazetteer.first_names:
            return True
        if self.is_common_word(word) or word.endswith(("se", "sche", "'s")):
            return False
        if "-" in word and word.rsplit("-", 1)[1].islower():
            return False
        if word.isupper() and len(word) > 1:
            return True
        return not self.at_sentence_start(start) or self._known_elsewhere(word)

    def _known_elsewhere(self, word):
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", self.text):
            if not self.at_sentence_start(m.start()):
                return True
        return False

    def _is_org_word(self, word):
        if word in ORG_WORDS:
            return True
        lower = word.lower()
        return any(lower.endswith(e) and len(lower) > len(e) + 2 for e in ORG_ENDINGS)

    def _type_from_cues(self, parts, words):
        first = words[0]
        if self._is_first_name(first):
            return "person", STRONG
        previous = self._previous_words(parts[0][0])
        if previous and previous[-1].lower().endswith(ORG_CUE_ENDINGS):
            return "organization", STRONG
        if previous and _is_person_cue(previous[-1]):
            return "person", STRONG
        if len(previous) == 2 and previous[1] == "van" and _is_person_cue(previous[0]):
            return "organization", STRONG
        if previous and previous[-1] in PLACE_CUES:
            return "location", STRONG
        if len(words) == 1 and first.isupper() and len(first) > 1:
            return "organization", STRONG
        if words[-1].lower().endswith(PLACE_ENDINGS) and len(words) == 1:
            return "location", WEAK
        if len(words) > 1:
            adjective = first.lower() in self.gazetteer.common_words or first.endswith(ADJECTIVE_ENDINGS)
            phrase = any(w.islower() for w in words)  # "Filmfestival van Venetië": no first name before "van"
            return ("other" if adjective or phrase else "person"), WEAK
        return "other", WEAK

    def _previous_words(self, pos):
        return WORD.findall(self.text[max(0, pos - 40):pos])[-2:]

    def _rule_candidate(self, start, end, type_, strength, override=False):
        name = " ".join(self.text[start:end].split())
        return Candidate(start, end, type_, name, None, "rule", strength + (2 if override else 0))

    def resolve(self, chosen):
        """Give every spelling one type per article and link surnames to full names."""
        full_names = {}
        for c in chosen:
            if c.type == "person" and " " in c.entity:
                for key in _surname_keys(c.entity):
                    full_names.setdefault(key, c)
        best_type = {}
        for c in sorted(chosen, key=lambda c: c.strength):
            best_type[self.text[c.start:c.end]] = c.type
        for c in chosen:
            if c.method != "rule":
                continue
            surface = " ".join(self.text[c.start:c.end].split())
            person = full_names.get(surface)
            if person is not None and person is not c and " " not in c.entity:
                c.type, c.entity, c.wikidata, c.method = "person", person.entity, person.wikidata, "coreference"
            elif c.strength == WEAK:
                c.type = best_type.get(self.text[c.start:c.end], c.type)
        return self._surnames_missed(chosen, full_names)

    def _surnames_missed(self, chosen, full_names):
        """Surnames of the article's people where no rule looked, such as "De Wever" opening a sentence."""
        keys = [k for k in full_names if k[:1].isupper() and k.lower() not in self.gazetteer.common_words]
        if not keys:
            return chosen
        keys.sort(key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w-])")
        by_position = {}
        for c in chosen:
            for pos in range(c.start, c.end):
                by_position[pos] = c
        replaced = set()
        for m in pattern.finditer(self.text):
            inside = {id(c): c for pos in range(m.start(), m.end()) if (c := by_position.get(pos))}
            if any(c.type != "person" or c.start < m.start() or c.end > m.end() for c in inside.values()):
                continue
            if any(c.start == m.start() and c.end == m.end() for c in inside.values()):
                continue
            replaced.update(inside)
            person = full_names[m.group()]
            found = Candidate(m.start(), m.end(), "person", person.entity, person.wikidata, "coreference", WEAK)
            chosen.append(found)
            for pos in range(m.start(), m.end()):
                by_position[pos] = found
        chosen = [c for c in chosen if id(c) not in replaced]
        return sorted(chosen, key=lambda c: c.start)


def _is_person_cue(word):
    lower = word.lower()
    return lower in PERSON_CUES or lower.split("-")[-1] in PERSON_CUES or lower.endswith(PERSON_CUE_ENDINGS)


def _surname_keys(full_name):
    words = full_name.split()
    rest = words[1:]
    keys = {words[-1], " ".join(rest)}
    if rest and rest[0].islower():
        keys.add(" ".join([rest[0].capitalize()] + rest[1:]))
    return keys


def _strip_particles(parts, text):
    while parts and not text[parts[0][0]].isupper():
        parts = parts[1:]
    while parts and not text[parts[-1][0]].isupper():
        parts = parts[:-1]
    return parts


def _segments_outside(parts, covered, text, is_first_name):
    """Runs of name parts that no gazetteer match covers, without particles at their edges.

    A particle after a first name, or a capitalised one, keeps what follows in the name:
    "Marc Van Diepenbeek" and "Steven van Rijswijk" are people though Diepenbeek and
    Rijswijk are places.
    """
    segments, current = [], []
    for part in parts + [None]:
        last = text[current[-1][0]:current[-1][1]] if current else ""
        after_particle = last.lower() in PARTICLE_WORDS and (
            last[:1].isupper() or is_first_name(text[current[0][0]:current[0][1]])
        )
        if part is None or (not after_particle and (part[0] in covered or part[1] - 1 in covered)):
            current = _strip_particles(current, text)
            if current:
                segments.append(current)
            current = []
        else:
            current.append(part)
    return segments


def _without_overlaps(candidates):
    """Keep the strongest, then longest, candidate wherever candidates overlap."""
    ranked = sorted(candidates, key=lambda c: (-c.strength, -(c.end - c.start), c.start))
    taken, chosen = set(), []
    for c in ranked:
        span = range(c.start, c.end)
        if any(pos in taken for pos in span):
            continue
        taken.update(span)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
