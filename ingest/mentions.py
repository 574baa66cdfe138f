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
import weakref
from bisect import bisect_right
from operator import attrgetter
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
    rf"(?=[{UPPER}])(?<![\w.])(?:(?:{INITIAL}[ ]?){{1,4}}(?:(?:{PARTICLES}){SPACE})*)?{CAP}"
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

# What the rules ask of single words depends only on the word (and the gazetteer's word lists),
# so the answers are remembered across articles; a cache is emptied when it grows past this size.
WORD_CACHE_LIMIT = 200_000
SKIPPED_BEFORE_SENTENCE = frozenset(" \t\u00a0") | OPENERS
DASHES = frozenset("-–—")
# Every word LOWER_WORD finds has this shape.
LOWER_WORD_SHAPE = re.compile(r"[a-zà-ÿ][\w]*")
_START = attrgetter("start")
_STRENGTH = attrgetter("strength")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str
    entity: str
    wikidata: str | None
    method: str
    strength: int


class WordCache:
    """Per-word answers that depend on a gazetteer's word lists, remembered across articles."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self.first_name: dict[str, bool] = {}
        self.common: dict[str, bool | str] = {}
        self.nationality: dict[str, bool] = {}
        self.not_name_part: dict[str, bool] = {}
        self.single: dict[str, tuple | bool] = {}
        self.leading: dict[str, tuple[bool, bool, bool, bool]] = {}
        self.parts: dict[str, tuple[tuple[int, int], ...]] = {}

    def trim(self):
        caches = (self.first_name, self.common, self.nationality, self.not_name_part, self.single, self.leading,
                  self.parts)
        for cache in caches:
            if len(cache) > WORD_CACHE_LIMIT:
                cache.clear()

    def common_word(self, word):
        """True if `word` in lower case is a common word; else that lower case if LOWER_WORD could
        find it in a text, else False."""
        lower = word.lower()
        if lower in self.gazetteer.common_words:
            found = True
        elif LOWER_WORD_SHAPE.fullmatch(lower):
            found = lower
        else:
            found = False
        self.common[word] = found
        return found

    def leading_word(self, word):
        """What _strip_non_names asks of a word whatever its position: (dropped as lower case, "&" or
        a common word in capitals; a title such as "president"; a nationality; a first name)."""
        gazetteer = self.gazetteer
        lower = word.lower()
        found = self.leading[word] = (
            word.islower() or word == "&" or (word.isupper() and lower in gazetteer.common_words),
            lower in PERSON_CUES,
            _is_nationality(word, gazetteer.nationalities),
            word in gazetteer.first_names,
        )
        return found

    def sequence_parts(self, sequence):
        """SEQUENCE_PART's spans in `sequence`, relative to its start."""
        found = self.parts[sequence] = tuple(m.span() for m in SEQUENCE_PART.finditer(sequence))
        return found

    def single_word(self, sequence):
        """What the rules need to know of a capitalised sequence that is one word, False if it is more.

        A sequence with neither white space nor a full stop is one CAP and so one part: the answers
        are (dropped whatever its position, organisation word, other word, all capitals, compass
        prefix, capital initial); the sequence is dropped too when it opens a sentence as a common word.
        """
        if " " in sequence or "." in sequence or "\t" in sequence or "\u00a0" in sequence:
            info = False
        else:
            gazetteer = self.gazetteer
            lower = sequence.lower()
            dropped = (
                sequence.islower()
                or sequence == "&"
                or (sequence.isupper() and lower in gazetteer.common_words)
                or lower in PERSON_CUES
                or _is_nationality(sequence, gazetteer.nationalities)
            )
            info = (
                dropped,
                sequence == "&" or _is_org_word(sequence),
                sequence in OTHER_WORDS,
                sequence.isupper(),
                sequence.startswith(COMPASS_PREFIXES),
                sequence[:1].isupper(),
            )
        self.single[sequence] = info
        return info


_word_caches = weakref.WeakKeyDictionary()


def _word_cache(gazetteer):
    try:
        cache = _word_caches[gazetteer]
    except (KeyError, TypeError):
        cache = WordCache(gazetteer)
        try:
            _word_caches[gazetteer] = cache
        except TypeError:  # not weakly referenceable: no memory across articles
            pass
    cache.trim()
    return cache


def extract_mentions(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Mentions in `text` (a whole article), sorted by start and non-overlapping."""
    gazetteer = gazetteer or default_gazetteer()
    article = Article(text, gazetteer)
    matches = article.gazetteer_candidates()
    chosen = _without_overlaps(matches + article.rule_candidates(matches))
    chosen = article.resolve(chosen)
    new = _new_mention
    return [new(c.start, c.end, text[c.start:c.end], c.type, c.entity, c.wikidata, c.method) for c in chosen]


def _new_mention(start, end, text, type_, entity, wikidata, method):
    """`Mention(...)`, without the frozen dataclass's seven `object.__setattr__` calls."""
    mention = _object_new(Mention)
    fields = mention.__dict__
    fields["start"] = start
    fields["end"] = end
    fields["text"] = text
    fields["type"] = type_
    fields["entity"] = entity
    fields["wikidata"] = wikidata
    fields["method"] = method
    return mention


_object_new = object.__new__
if hasattr(Mention, "__post_init__") or hasattr(Mention, "__slots__"):  # then only the real constructor will do
    _new_mention = Mention  # noqa: F811


class Article:
    """One text and what is known about its words."""

    def __init__(self, text, gazetteer):
        self.text = text
        self.gazetteer = gazetteer
        self.words = _word_cache(gazetteer)
        self._lowercase_words = None
        self._common_seen = {}

    @property
    def lowercase_words(self):
        """Every word of the text that starts in lower case."""
        if self._lowercase_words is None:
            self._lowercase_words = set(LOWER_WORD.findall(self.text))
        return self._lowercase_words

    def at_sentence_start(self, pos):
        """After a full stop, a line break, a dateline dash ("DEN HAAG - Het ...") or at the very start."""
        i = pos - 1
        text = self.text
        while i >= 0 and text[i] in SKIPPED_BEFORE_SENTENCE:
            if text[i] in DASHES and i > 0 and text[i - 1] == " " and text[i + 1:i + 2] == " ":
                return True
            i -= 1
        return i < 0 or text[i] in SENTENCE_END

    def is_common_word(self, word):
        """`word` in lower case is in the common words, or written in lower case in this text."""
        seen = self._common_seen
        found = seen.get(word)
        if found is None:
            common = self.words.common.get(word)
            if common is None:
                common = self.words.common_word(word)
            found = seen[word] = common is True or (common is not False and self._has_lowercase_word(common))
        return found

    def _has_lowercase_word(self, lower):
        """`lower in self.lowercase_words`, without scanning every word of the text."""
        text = self.text
        if self._lowercase_words is not None or "÷" in text:
            return lower in self.lowercase_words
        # `lower` has LOWER_WORD's shape. Without a "÷" (in à-ÿ, but no word character) in the
        # text, LOWER_WORD finds it wherever it stands between non-word characters.
        size, length = len(lower), len(text)
        i = text.find(lower)
        while i >= 0:
            j = i + size
            if (i == 0 or not _is_word_char(text[i - 1])) and (j == length or not _is_word_char(text[j])):
                return True
            i = text.find(lower, i + 1)
        return False

    def is_nationality(self, word):
        """"Russisch", "Russische", "Russen"; "Europese" from "Europees"."""
        cache = self.words.nationality
        try:
            return cache[word]
        except KeyError:
            pass
        found = cache[word] = _is_nationality(word, self.gazetteer.nationalities)
        return found

    def gazetteer_candidates(self):
        """Every known surface form on word boundaries, except common words opening a sentence ("Best")."""
        text, found = self.text, []
        length = len(text)
        for end, (size, entity) in self.gazetteer.automaton.iter(text):
            start, end = end - size + 1, end + 1
            if (start > 0 and text[start - 1].isalnum()) or (end < length and text[end].isalnum()):
                continue
            surface = text[start:end]
            if " " not in surface:
                # at_sentence_start(start), answered at once in the usual case: after a space and a letter
                if start > 1 and text[start - 1] == " " and text[start - 2] not in SKIPPED_BEFORE_SENTENCE:
                    opens = text[start - 2] in SENTENCE_END
                else:
                    opens = self.at_sentence_start(start)
                if opens and self.is_common_word(surface):
                    continue
            found.append(Candidate(start, end, entity.type, entity.name, entity.wikidata, "gazetteer", STRONG))
        return found

    def rule_candidates(self, gazetteer_matches):
        """Candidates from capitalised word sequences, around and over the gazetteer's matches."""
        text = self.text
        covered = [None] * (len(text) + 2)  # offset -> gazetteer match over it
        for c in gazetteer_matches:
            covered[c.start:c.end] = [c] * (c.end - c.start)
        found = []
        strip, candidates_in = self._strip_non_names, self._candidates_in
        single_words, single_word = self.words.single, self.words.single_word
        sequence_parts, relative_parts = self.words.parts, self.words.sequence_parts
        for match in NAME_SEQUENCE.finditer(text):
            sequence = match.group()
            info = single_words.get(sequence)
            if info is None:
                info = single_word(sequence)
            if info:
                # One word: what _strip_non_names does with a single part, then _one_word.
                if info[0]:
                    continue
                start = match.start()
                # at_sentence_start(start), answered at once in the usual case: after a space and a letter
                if start > 1 and text[start - 1] == " " and text[start - 2] not in SKIPPED_BEFORE_SENTENCE:
                    opens = text[start - 2] in SENTENCE_END
                else:
                    opens = self.at_sentence_start(start)
                if opens and self.is_common_word(sequence):
                    continue
                self._one_word(sequence, start, match.end(), covered, info, found)
                continue
            relative = sequence_parts.get(sequence)
            if relative is None:
                relative = relative_parts(sequence)
            offset = match.start()
            parts = strip([(offset + s, offset + e) for s, e in relative])
            if parts:
                found.extend(candidates_in(parts, covered))
        return found

    def _one_word(self, word, start, end, covered, info, found):
        """What _candidates_in finds in a single part, given WordCache.single_word's answers."""
        _, org, other, all_capitals, compass, capitalised = info
        if org:
            found.append(Candidate(start, end, "organization", word, None, "rule", STRONG + 2))
        elif other:
            found.append(Candidate(start, end, "other", word, None, "rule", STRONG + 2))
        elif (all_capitals and covered[start] is None and self._is_dateline(end)) or compass:
            found.append(Candidate(start, end, "location", word, None, "rule", STRONG + 2))
        elif (
            capitalised
            and covered[start] is None
            and covered[end - 1] is None
            and self._may_be_single_name(word, start)
        ):
            following = covered[end + 1]
            if following is not None and following.type != "organization" and self._is_first_name(word):
                found.append(self._rule_candidate(start, following.end, "person", STRONG, override=True))
            else:
                type_, strength = self._type_from_cues(((start, end),), (word,))
                found.append(Candidate(start, end, type_, word, None, "rule", strength))

    def _strip_non_names(self, parts):
        """Drop leading words that are not part of a name: sentence-initial common words, titles, nationalities."""
        text = self.text
        leading, leading_word = self.words.leading, self.words.leading_word
        i, n = 0, len(parts)
        while i < n:
            start, end = parts[i]
            word = text[start:end]
            info = leading.get(word)
            if info is None:
                info = leading_word(word)
            dropped, person_cue, nationality, first_name = info
            if dropped:
                i += 1
            elif self.at_sentence_start(start) and self._opens_sentence_only(word, parts, i):
                i += 1
            elif person_cue:
                i += 1
            elif nationality and not (n - i > 1 and first_name):
                if n - i == 2 and _is_org_word(text[parts[-1][0]:parts[-1][1]]):
                    break
                i += 1
            else:
                break
        while n > i and text[parts[n - 1][0]:parts[n - 1][1]].islower():
            n -= 1
        return parts[i:n] if i or n < len(parts) else parts

    def _opens_sentence_only(self, word, parts, i):
        """Sentence-initial words that only look like names: "Het", "Vakbond FNV", "Bussen van Arriva"."""
        if self.is_common_word(word):
            return True
        if len(parts) - i < 2 or self._is_first_name(word) or word in self.gazetteer.surfaces:
            return False
        lower = word.lower()
        following = self.text[parts[i + 1][0]:parts[i + 1][1]]
        return (
            _is_person_cue(lower)
            or lower.endswith(ORG_CUE_ENDINGS)
            or following == "van"
            or self._is_first_name(following)
        )

    def _candidates_in(self, parts, covered):
        """Typed candidates for one capitalised sequence; `covered` lists the gazetteer match over each offset."""
        if not parts:
            return []
        text = self.text
        if len(parts) == 1:
            start, end = parts[0]
            word = text[start:end]
            info = self.words.single.get(word)
            if info is None:
                info = self.words.single_word(word)
            if info:
                found = []
                self._one_word(word, start, end, covered, info, found)
                return found
        words = [text[s:e] for s, e in parts]
        split = self._split_point(words) if len(words) > 1 else 0
        if split:
            before, after = _strip_particles(parts[:split], text), _strip_particles(parts[split:], text)
            return self._candidates_in(before, covered) + self._candidates_in(after, covered)
        start, end = parts[0][0], parts[-1][1]
        if "&" in words or any(map(_is_org_word, words)) or (len(words) > 1 and words[0] in ORG_PREFIXES):
            return [self._rule_candidate(start, end, "organization", STRONG, override=True)]
        if not OTHER_WORDS.isdisjoint(words):
            return [self._rule_candidate(start, end, "other", STRONG, override=True)]
        if len(words) == 1:
            word = words[0]
            if word.isupper() and covered[start] is None and self._is_dateline(end):
                return [self._rule_candidate(start, end, "location", STRONG, override=True)]
            if word.startswith(COMPASS_PREFIXES):
                return [self._rule_candidate(start, end, "location", STRONG, override=True)]
        found = []
        for segment in _segments_outside(parts, covered, text, self._is_first_name):
            words = [text[s:e] for s, e in segment]
            seg_start, seg_end = segment[0][0], segment[-1][1]
            if len(words) == 1 and not self._may_be_single_name(words[0], seg_start):
                continue
            following = covered[seg_end + 1]
            if following is not None and following.type != "organization" and self._is_first_name(words[-1]):
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
        is_first_name = self._is_first_name
        for i in range(1, len(words)):
            if is_first_name(words[i]) and self._is_not_name_part(words[i - 1]):
                return i
            if words[i] == "van" and i >= 2 and not all(map(is_first_name, words[:i])):
                if is_first_name(words[0]) or words[i + 1] in ("de", "het"):
                    return i
        return 0

    def _is_not_name_part(self, word):
        """A word that ends whatever precedes a first name: a common word, an acronym, "Likoed-man"."""
        cache = self.words.not_name_part
        try:
            return cache[word]
        except KeyError:
            pass
        if word.endswith("."):
            found = False
        elif "-" in word and word.rsplit("-", 1)[1].islower():
            found = True
        else:
            found = (word.isupper() and len(word) > 1) or word.lower() in self.gazetteer.common_words
        cache[word] = found
        return found

    def _is_first_name(self, word):
        cache = self.words.first_name
        try:
            return cache[word]
        except KeyError:
            first_names = self.gazetteer.first_names
            found = cache[word] = (
                word.endswith(".") or word in first_names or word.split("-")[0] in first_names
            )
            return found

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
        """Whether `word` occurs on word boundaries somewhere other than at a sentence start."""
        text, size = self.text, len(word)
        length = len(text)
        i = text.find(word)
        while i >= 0:
            j = i + size
            if (i == 0 or not _is_word_char(text[i - 1])) and (j == length or not _is_word_char(text[j])):
                if not self.at_sentence_start(i):
                    return True
                i = text.find(word, j)
            else:
                i = text.find(word, i + 1)
        return False

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
        return WORD.findall(self.text, max(0, pos - 40), pos)[-2:]

    def _rule_candidate(self, start, end, type_, strength, override=False):
        name = " ".join(self.text[start:end].split())
        return Candidate(start, end, type_, name, None, "rule", strength + (2 if override else 0))

    def resolve(self, chosen):
        """Give every spelling one type per article and link surnames to full names."""
        text = self.text
        full_names = {}
        for c in chosen:
            if c.type == "person" and " " in c.entity:
                for key in _surname_keys(c.entity):
                    if key not in full_names:
                        full_names[key] = c
        best_type = {}
        for c in sorted(chosen, key=_STRENGTH):
            best_type[text[c.start:c.end]] = c.type
        for c in chosen:
            if c.method != "rule":
                continue
            surface = text[c.start:c.end]
            person = full_names.get(" ".join(surface.split()))
            if person is not None and person is not c and " " not in c.entity:
                c.type, c.entity, c.wikidata, c.method = "person", person.entity, person.wikidata, "coreference"
            elif c.strength == WEAK:
                c.type = best_type.get(surface, c.type)
        return self._surnames_missed(chosen, full_names)

    def _surnames_missed(self, chosen, full_names):
        """Surnames of the article's people where no rule looked, such as "De Wever" opening a sentence."""
        common, common_word = self.words.common, self.words.common_word
        keys = []
        for key in full_names:
            is_common = common.get(key)
            if is_common is None:
                is_common = common_word(key)
            if key[:1].isupper() and is_common is not True:  # is_common: key.lower() in the common words
                keys.append(key)
        if not keys:
            return chosen
        text = self.text
        length = len(text)
        # Where each key occurs with no word character or hyphen on either side; as with one regex
        # alternation of the keys, longest first, the longest key wins at an offset and matches do
        # not overlap, scanning left to right.
        longest = {}
        find = text.find
        for key in keys:
            size = len(key)
            i = find(key)
            while i >= 0:
                j = i + size
                if ((i == 0 or not ((c := text[i - 1]).isalnum() or c == "_" or c == "-"))
                        and (j == length or not ((c := text[j]).isalnum() or c == "_" or c == "-"))
                        and size > longest.get(i, 0)):
                    longest[i] = size
                i = find(key, i + 1)
        if not longest:
            return chosen
        # Until the first replacement, `chosen` is sorted and does not overlap: the candidate over a
        # match's start, found by bisection, often settles it; the map of every offset is only drawn
        # when a match needs more than that.
        starts = [c.start for c in chosen]
        by_position = None
        replaced = set()
        last_end = 0
        for m_start in sorted(longest):
            if m_start < last_end:
                continue
            m_end = last_end = m_start + longest[m_start]
            if by_position is None:
                index = bisect_right(starts, m_start) - 1
                if index >= 0 and chosen[index].end > m_start:
                    first = chosen[index]  # the candidate over the match's start
                    if first.type != "person" or first.start < m_start or first.end > m_end:
                        continue  # part of something else
                    if first.end == m_end and first.start == m_start:
                        continue  # already a mention of exactly this span
                by_position = [None] * length
                for c in chosen:
                    by_position[c.start:c.end] = [c] * (c.end - c.start)
            else:
                first = by_position[m_start]
                if first is not None and first.start == m_start and first.end == m_end:
                    continue
            inside = {id(c): c for c in by_position[m_start:m_end] if c is not None}
            if any(c.type != "person" or c.start < m_start or c.end > m_end for c in inside.values()):
                continue
            if any(c.start == m_start and c.end == m_end for c in inside.values()):
                continue
            replaced.update(inside)
            person = full_names[text[m_start:m_end]]
            found = Candidate(m_start, m_end, "person", person.entity, person.wikidata, "coreference", WEAK)
            chosen.append(found)
            by_position[m_start:m_end] = [found] * (m_end - m_start)
        if replaced:
            chosen = [c for c in chosen if id(c) not in replaced]
        return sorted(chosen, key=_START)


def _is_nationality(word, nationalities):
    if word in nationalities or (word.endswith("e") and word[:-1] in nationalities):
        return True
    return word.endswith("ese") and word[:-3] + "ees" in nationalities


def _is_word_char(char):
    """What `\\w` matches."""
    return char.isalnum() or char == "_"


_org_words: dict[str, bool] = {}


def _is_org_word(word):
    try:
        return _org_words[word]
    except KeyError:
        pass
    if len(_org_words) > WORD_CACHE_LIMIT:
        _org_words.clear()
    if word in ORG_WORDS:
        found = True
    else:
        lower = word.lower()
        found = any(lower.endswith(e) and len(lower) > len(e) + 2 for e in ORG_ENDINGS)
    _org_words[word] = found
    return found


_person_cues: dict[str, bool] = {}


def _is_person_cue(word):
    try:
        return _person_cues[word]
    except KeyError:
        pass
    if len(_person_cues) > WORD_CACHE_LIMIT:
        _person_cues.clear()
    lower = word.lower()
    found = _person_cues[word] = (
        lower in PERSON_CUES or lower.split("-")[-1] in PERSON_CUES or lower.endswith(PERSON_CUE_ENDINGS)
    )
    return found


_surname_key_cache: dict[str, tuple[str, ...]] = {}


def _surname_keys(full_name):
    try:
        return _surname_key_cache[full_name]
    except KeyError:
        pass
    if len(_surname_key_cache) > WORD_CACHE_LIMIT:
        _surname_key_cache.clear()
    words = full_name.split()
    rest = words[1:]
    keys = {words[-1], " ".join(rest)}
    if rest and rest[0].islower():
        keys.add(" ".join([rest[0].capitalize()] + rest[1:]))
    keys = _surname_key_cache[full_name] = tuple(keys)
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
    for part in parts:
        if current:
            last = text[current[-1][0]:current[-1][1]]
            after_particle = last.lower() in PARTICLE_WORDS and (
                last[:1].isupper() or is_first_name(text[current[0][0]:current[0][1]])
            )
        else:
            after_particle = False
        if not after_particle and (covered[part[0]] is not None or covered[part[1] - 1] is not None):
            current = _strip_particles(current, text)
            if current:
                segments.append(current)
            current = []
        else:
            current.append(part)
    current = _strip_particles(current, text)
    if current:
        segments.append(current)
    return segments


def _without_overlaps(candidates):
    """Keep the strongest, then longest, candidate wherever candidates overlap.

    Only candidates in one run of overlapping spans compete, so each run is ranked on its own.
    """
    chosen, run, run_end = [], [], -1
    for c in sorted(candidates, key=_START):
        if c.start >= c.end:
            return _without_overlaps_ranked(candidates)
        if c.start >= run_end:
            if len(run) == 1:
                chosen.append(run[0])
            elif run:
                chosen.extend(_without_overlaps_ranked(run))
            run, run_end = [c], c.end
        else:
            run.append(c)
            if c.end > run_end:
                run_end = c.end
    if len(run) == 1:
        chosen.append(run[0])
    elif run:
        chosen.extend(_without_overlaps_ranked(run))
    return chosen


def _without_overlaps_ranked(candidates):
    ranked = sorted(candidates, key=lambda c: (-c.strength, c.start - c.end, c.start))
    chosen, taken = [], []
    for c in ranked:
        start, end = c.start, c.end
        if start >= end:  # no offsets: overlaps nothing
            chosen.append(c)
            continue
        for other_start, other_end in taken:
            if other_start < end and start < other_end:
                break
        else:
            taken.append((start, end))
            chosen.append(c)
    return sorted(chosen, key=_START)
