"""Word lists, cues and per-word answers that the mention rules read.

Everything here depends on a word alone (and on a gazetteer's word lists), never on
the text around it, so the answers are remembered across articles: in `WordCache`
for answers that depend on a gazetteer, with `functools.lru_cache` for the rest.
"""

import re
import weakref
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
# "al-Sharaa", "el-Sisi": an Arabic article joined to a name is part of it (never at a name's start).
ARABIC_ARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az)-"
CAP = rf"(?:{ARABIC_ARTICLE})?[{UPPER}][\w]*(?:[-'’&][\w]+)*"
INITIAL = rf"[{UPPER}]\."
PARTICLES = "van|von|de|der|den|ter|ten|du|da|di|del|della|dos|das|la|le|bin|ibn|al|el|'t|van't|vanden|vander|zu"
PARTICLE_WORDS = frozenset(PARTICLES.split("|")) | {"vande", "vanden", "vander", "d'"}
SPACE = r"[ \t\u00a0]+"
NAME_SEQUENCE = re.compile(
    rf"(?=[{UPPER}])(?<![\w.])(?:(?:{INITIAL}[ ]?){{1,4}}(?:(?:{PARTICLES}){SPACE})*)?{CAP}"
    rf"(?:{SPACE}(?:&{SPACE})?(?:(?:{PARTICLES}){SPACE})*(?:{INITIAL}[ ]?){{0,3}}(?:(?:{PARTICLES}){SPACE})*{CAP})*"
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
informateur formateur verkenner meester juf juffrouw dokter
partijleider lijsttrekker voorzitter ondervoorzitter secretaris-generaal woordvoerder woordvoerster coach trainer
bondscoach directeur topman topvrouw ceo baas oprichter eigenaar voorman koning koningin prins prinses keizer
paus kardinaal bisschop aartsbisschop imam rabbijn dominee pastoor generaal kolonel majoor kapitein commandant
advocaat advocate rechter onderzoeksrechter procureur aanklager openbaar professor prof. dr. mr. ir. drs. heer
mevrouw meneer mijnheer zanger zangeres schrijver schrijfster auteur dichter acteur actrice regisseur kunstenaar
rapper muzikant presentator presentatrice cabaretier
componist dirigent journalist fotograaf ploegleider speler spelers aanvaller verdediger middenvelder doelman
keeper spits renner wielrenner tennisser tennisster atleet zwemmer schaatser voetballer piloot kampioen
econoom analist onderzoeker wetenschapper historicus politicus politica collega ambtgenoot opvolger voorganger
vader moeder zoon dochter broer zus echtgenoot echtgenote weduwe vriendin vriend oom tante neef nicht
dictator leider rebellenleider oppositieleider verdachte slachtoffer getuige agent inspecteur commissaris
ambassadeur diplomaat gezant afgevaardigde vertegenwoordiger kandidaat uitdager winnaar verliezer
""".split())
# Plural staff words: "economen van X", "medewerkers van X" make X an organisation.
STAFF_WORDS = frozenset("""
medewerkers werknemers personeelsleden economen analisten onderzoekers wetenschappers aandeelhouders bestuurders
directeuren topmannen woordvoerders klanten leden
""".split())
PERSON_CUE_ENDINGS = ("minister", "voorzitter", "woordvoerder", "woordvoerster", "premier", "president",
                      "leider", "directeur", "topman", "coach", "trainer", "speler", "speelster", "journalist",
                      "burgemeester", "commissaris", "secretaris", "chef", "baas", "manager", "advocaat")
PLACE_CUES = frozenset("in uit naar nabij vanuit richting rond te".split())
# "<word> van X": X is a place after these ("inwoners van Loppersum", "burgemeester van Gent") ...
PLACE_VAN_CUES = frozenset("""
inwoners bewoners burgemeester burgemeesters gouverneur omgeving centrum noorden zuiden oosten westen
hoofdstad haven deel delen buitenwijken wijken straten regio provincie gemeente stad dorp
""".split())
# ... and an organisation after these ("de fabriek van Audi", "aandelen van Shell").
ORG_VAN_CUES = frozenset("""
fabriek fabrieken aandelen aandeel overname beursgang beurswaarde jaarcijfers omzet winst kwartaalcijfers
directie personeel hoofdkantoren aandeelhouder sponsor hoofdsponsor klant dochterbedrijf dochteronderneming
onderdeel overnamebod
bussen treinen toestellen vliegtuigen producten klantenservice hoofdkantoor vestiging vestigingen filialen
""".split())
# "concurrenten als Lufthansa", "banken zoals ING": examples of organisations.
ORG_PLURAL_CUE_ENDINGS = ("concurrenten", "bedrijven", "banken", "partijen", "clubs", "ploegen", "omroepen",
                          "kranten", "merken", "ketens", "supermarkten", "verzekeraars", "fabrikanten",
                          "maatschappijen", "organisaties", "instellingen", "concerns", "multinationals",
                          "platforms", "uitgeverijen", "zenders", "winkels", "teams", "leveranciers")
# "...," zei Janssens / aldus Peeters: speakers are people; "meldt Sciensano": sources are mostly organisations.
# Roles of someone who belongs to an organisation: "trainer X van Liverpool", "Kamerlid X (Veltrama)".
MEMBER_ROLES = frozenset("""
trainer coach bondscoach ploegleider speler spits aanvaller verdediger middenvelder doelman keeper aanvoerder
renner topman topvrouw baas ceo directeur bestuursvoorzitter voorzitter ondervoorzitter oprichter eigenaar
woordvoerder woordvoerster analist econoom onderzoeker hoogleraar medewerker werknemer kamerlid parlementslid
europarlementariër senator fractieleider fractievoorzitter partijleider partijvoorzitter lijsttrekker minister
staatssecretaris schepen wethouder
""".split())
# "speelt voor X", "reed voor X", "werkt voor X": one plays, rides and works for an organisation.
MEMBER_VERBS = frozenset("""
speelt speelde speelden spelen rijdt reed reden rijden werkt werkte werkten werken tekent tekende koerst koerste
uitkomt uitkwam
""".split())
SPEAKER_CUES = frozenset("zei zegt aldus vertelt vertelde verklaarde verklaart benadrukt benadrukte stelt stelde".split())
SOURCE_CUES = frozenset("meldt meldde bericht berichtte".split())
# ", het bedrijf achter ...", ", de Belgische zangeres": an apposition after a name says what it names.
APPOSITION_ARTICLES = frozenset(("een", "de", "het"))
# "het dorp X", "de luchthaven X", ", de hoofdstad van": nouns for places, before a name or in an apposition.
PLACE_NOUNS = frozenset("""
hoofdstad stad stadje dorp dorpje gehucht gemeente deelgemeente provincie regio deelstaat havenstad badplaats
eiland rivier wijk kanton district station treinstation metrostation luchthaven vliegveld vliegbasis
""".split())
ORG_CUE_ENDINGS = ("tijdschrift", "magazine", "weekblad", "dagblad", "bedrijf", "groep", "concern", "firma", "fabrikant", "producent", "bank", "krant", "zender",
                   "omroep", "club", "ploeg", "partij", "maatschappij", "uitgeverij", "keten", "holding",
                   "organisatie", "vereniging", "bond", "netwerk", "operator", "dochter", "maker", "winkel",
                   "leverancier", "verzekeraar", "label", "team", "corporatie", "distributeur")
OTHER_WORDS = frozenset("""
League Cup Games Spelen Open Tour Giro Vuelta Festival Awards Prijs Trofee Beker Oorlog Wereldoorlog Grand Prix
Olympische Paralympische Marathon Classic Biënnale Biennale Expo Derby
""".split())
ORG_WORDS = frozenset("""
Universiteit Hogeschool Ministerie Bank Stichting Vereniging Partij Raad Commissie Rechtbank Hof Federatie Bond
Unie Instituut Ziekenhuis Omroep Fonds Agentschap Dienst Groep Academie Orkest Comité Beweging Liga
Bureau Autoriteit Inspectie Maatschappij Mutualiteit Holding Coöperatie Kerk Parlement Senaat Kamer Regering Kabinet
Company Corporation Group University Party Institute Foundation Association Agency Organisation Organization
Union Airlines Airways Motors Industries Records Productions Studios Pictures Telecom Energy Pharma Systems
Technologies Electronics Fund Trust Capital Partners Media News Times Post Journal Club United FC NV BV AG SA
Inc Ltd GmbH plc Corp Partnership Securities Holdings Investments Services Software Networks Communications
Insurance Finance Financial Consulting Logistics Team MC Radio TV Televisie Brouwerij Nieuwsblad Dagblad Courant Krant Gazet Ensemble Council Commission Bureau Tribune
VZW BVBA CVBA LLC SpA SARL SAS Cie Groupe Société Compagnie Banque Fédération Assurances International Benelux
""".split())
# Organisation words that alone name no organisation in particular ("het Ministerie", "het Hof", "de Bank").
GENERIC_ORG_WORDS = frozenset("""
Ministerie Hof Rechtbank Bank Group Groep Holding Stichting Vereniging Universiteit Hogeschool Ziekenhuis Bureau
Dienst Fonds Instituut Agentschap Federatie Bond Partij Academie Orkest Comité Beweging Autoriteit Inspectie
Maatschappij Coöperatie Company Corporation University Institute Foundation Association Agency
""".split())
ORG_ENDINGS = ("bank", "partij", "bond", "groep", "fonds", "unie", "raad", "dienst", "stichting", "vereniging",
               "maatschappij", "omroep", "krant", "blad", "academie", "instituut", "federatie", "beweging",
               "ziekenhuis", "universiteit", "hogeschool", "orkest", "ministerie", "agentschap", "comité", "bureau",
               "genootschap", "centrum", "autoriteit", "inspectie", "rechtbank", "college", "korps", "recherche",
               "politie", "overheid", "leger", "verbond", "platform", "secretariaat", "steunpunt", "confederatie",
               "alliantie", "coalitie", "commissariaat", "observatorium", "organisatie")
LEGAL_FORMS = frozenset("BV B.V. NV N.V. VZW BVBA CVBA AG SA GmbH Ltd plc Inc LLC SpA SARL".split())
ORG_PREFIXES = frozenset("FC KV KRC RSC SV VV AFC AS AC SC KSV KVC KAA RC SK KFC KSC VfB VfL".split())
PLACE_ENDINGS = ("straat", "laan", "plein", "gracht", "kade", "dijk", "dorp", "stad", "burg", "dam", "veen",
                 "zee", "meer", "eiland", "eilanden", "gebergte", "haven", "hoven", "oord", "wijk", "vallei",
                 "rivier", "kerke", "gem", "hem", "ingen", "land", "berg", "bergen", "bos", "heide")
COMPASS_PREFIXES = ("Noord-", "Zuid-", "Oost-", "West-", "Midden-", "Centraal-", "Noordoost-", "Noordwest-",
                    "Zuidoost-", "Zuidwest-", "Zuidelijk-", "Noordelijk-")
# The last word of a name is its head, and says what it names: prizes, events, laws and products
# are not people; venues and buildings are places ("Libris Literatuurprijs", "Ziggo Dome").
OTHER_HEAD_ENDINGS = ("prijs", "prijzen", "award", "awards", "trofee", "beker", "festival", "toernooi",
                      "kampioenschap", "kampioenschappen", "spelen", "games", "marathon", "wet", "verdrag",
                      "akkoord", "richtlijn", "league", "cup", "tour", "classic", "show", "editie", "oorlog")
VENUE_HEAD_ENDINGS = ("straat", "laan", "plein", "gracht", "kade", "steeg", "singel", "dreef",
                      "stadion", "stadium", "theater", "theatre", "paleis", "kasteel", "toren", "luchthaven",
                      "airport", "kathedraal", "basiliek", "abdij", "museum", "concertgebouw", "schouwburg",
                      "arena", "dome", "hallen", "gevangenis")
VENUE_HEADS = frozenset("Dome Arena Hal Zaal Park Plaza Center Centre Hall Stadium Gebouw Kerk Kathedraal".split())
# Adjectives and demonyms whose form says so: "Engelstalige", "Europees", "Bijbelse".
ADJECTIVE_FORM_ENDINGS = ("talige", "talig", "ische", "isch", "iaanse", "iaans")
# All capitals and this long, and not a known name: an export's label ("ADVERTENTIE", "COPYRIGHT").
LABEL_LENGTH = 6
ADJECTIVE_ENDINGS = ("se", "sche", "ele", "ële", "ale", "ieke", "ige")

# "VN-chef", "Ajax-trainer", "IAEA-directeur": the capitalised part of a compound whose head is a role
# names the organisation the person works for.
ORG_COMPOUND_HEADS = frozenset("""
aandeel aandelen koers beurskoers fabriek fabrieken hoofdkantoor concern directie bestuur winst omzet
jaarcijfers kwartaalcijfers personeel vestiging vestigingen filiaal filialen toestel toestellen klanten
producten winkels
""".split())
COMPOUND_HEAD = re.compile(r"(?<=\w)-([a-zà-ÿ][\w]*)(?![\w-])")

# Evidence strength, so that the best-founded reading of a spelling wins per article.
STRONG, WEAK = 2, 1
# Spellings from users' own entity files: above every rule (whose strongest is STRONG + 2).
USER = 10

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
        self.not_name_part: dict[str, bool] = {}
        self.single: dict[str, tuple | bool] = {}
        self.leading: dict[str, tuple[bool, bool, bool, bool]] = {}
        self.parts: dict[str, tuple[tuple[int, int], ...]] = {}

    def trim(self):
        caches = (self.first_name, self.common, self.not_name_part, self.single, self.leading,
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
            word.islower() or word == "&" or (word.isupper() and lower in gazetteer.common_words and word not in ORG_PREFIXES)
            or is_label(word, gazetteer) or is_compound_of_common_noun(word),
            lower in PERSON_CUES,
            is_nationality(word, gazetteer.nationalities),
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
                or is_nationality(sequence, gazetteer.nationalities)
                or len(sequence) == 1
                or lower.endswith(ADJECTIVE_FORM_ENDINGS)
                or is_compound_of_common_noun(sequence)
                or (sequence.startswith(COMPASS_PREFIXES) and lower.endswith(("se", "sche")))
            )
            info = (
                dropped,
                sequence == "&" or is_org_word(sequence),
                sequence in OTHER_WORDS or head_type(sequence) == "other",
                sequence.isupper(),
                sequence.startswith(COMPASS_PREFIXES) or head_type(sequence) == "location",
                sequence[:1].isupper(),
            )
        self.single[sequence] = info
        return info


_word_caches = weakref.WeakKeyDictionary()


def word_cache(gazetteer):
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


@lru_cache(maxsize=WORD_CACHE_LIMIT)
def is_nationality(word, nationalities):
    """"Russisch", "Russische", "Russen"; "Europese" from "Europees"."""
    if word in nationalities or (word.endswith("e") and word[:-1] in nationalities):
        return True
    return word.endswith("ese") and word[:-3] + "ees" in nationalities


def is_lowercase_word(word, gazetteer):
    """"BTW", "GSM", "HAVO", "ONZIN": a word in capitals that Dutch writes in lower case (OpenTaal's
    list, `lowercase_words_opentaal.txt`) and no entity file knows: a noun or emphasis, no acronym."""
    return word.isupper() and word.lower() in gazetteer.lowercase_words and word not in gazetteer.surfaces


def is_label(word, gazetteer):
    """"ADVERTENTIE", "COPYRIGHT": a long word in capitals that no entity file knows."""
    return len(word) >= LABEL_LENGTH and word.isupper() and word not in gazetteer.surfaces


@lru_cache(maxsize=WORD_CACHE_LIMIT)
def head_type(word):
    """The type that a name's last word gives it by its form, or None: "other" for prizes, events and
    laws ("Literatuurprijs", "Festival"), "location" for venues and buildings ("Dome", "Rijksmuseum")."""
    lower = word.lower()
    if lower.endswith(OTHER_HEAD_ENDINGS):
        return "other"
    if word in VENUE_HEADS or lower.endswith(VENUE_HEAD_ENDINGS):
        return "location"
    return None


def is_compound_of_common_noun(word):
    """"VRT-journalist", "Likoed-leider", "EU-burgers": a compound's head (its last part) says what it
    is, and a head in lower case is a common noun, not a name."""
    return "-" in word and word.rsplit("-", 1)[1].islower()


def is_word_char(char):
    """What `\\w` matches."""
    return char.isalnum() or char == "_"


@lru_cache(maxsize=WORD_CACHE_LIMIT)
def is_org_word(word):
    """"Universiteit", "Rabobank": a word that makes a capitalised sequence an organisation."""
    if word in ORG_WORDS:
        return True
    lower = word.lower()
    return any(lower.endswith(e) and len(lower) > len(e) + 2 for e in ORG_ENDINGS)


@lru_cache(maxsize=WORD_CACHE_LIMIT)
def is_person_cue(word):
    """"president", "oud-premier", "Kamerlid": a word before a name that makes it a person."""
    lower = word.lower()
    return lower in PERSON_CUES or lower.split("-")[-1] in PERSON_CUES or lower.endswith(PERSON_CUE_ENDINGS)


@lru_cache(maxsize=WORD_CACHE_LIMIT)
def surname_keys(full_name):
    """The spellings that name a person by surname alone: "Peeters", "van Rijn", "Van Rijn"."""
    words = full_name.split()
    rest = words[1:]
    keys = {words[-1], " ".join(rest)}
    if rest and rest[0].islower():
        keys.add(" ".join([rest[0].capitalize()] + rest[1:]))
    return tuple(keys)
