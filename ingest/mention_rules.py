"""The rules that find mentions in one article: gazetteer matches and capitalised sequences.

`ArticleText` answers questions about the text (does a word open a sentence, is it
written in lower case elsewhere); `NameEvidence` what a sequence's words and the words
before it say about a name (its type, where it ends); `MentionRules` turns gazetteer matches and
sequences of capitalised words into typed `Candidate`s. Choosing among overlapping
candidates is mentions.py's job, linking surnames coreference.py's.
"""

import re

from .mention_words import (
    ADJECTIVE_ENDINGS, ARABIC_ARTICLE, COMPASS_PREFIXES, DASHES, DATELINE_TAIL, LOWER_WORD, NAME_SEQUENCE, ORG_CUE_ENDINGS, GENERIC_ORG_WORDS,
    ORG_PREFIXES, ORG_PLURAL_CUE_ENDINGS, ORG_VAN_CUES, MEMBER_ROLES, MEMBER_VERBS, OTHER_WORDS, PLACE_VAN_CUES, SOURCE_CUES, SPEAKER_CUES,
    APPOSITION_ARTICLES, PLACE_NOUNS, COMPOUND_HEAD, ORG_COMPOUND_HEADS, LEGAL_FORMS, PARTICLE_WORDS, PLACE_CUES, PLACE_ENDINGS, SENTENCE_END, SKIPPED_BEFORE_SENTENCE,
    STAFF_WORDS, STRONG, USER, WEAK, WORD,
    Candidate, is_nationality as _is_nationality, is_org_word as _is_org_word, is_person_cue as _is_person_cue,
    is_word_char as _is_word_char, word_cache as _word_cache, head_type, is_label, is_lowercase_word,
)


ORG_PREPOSITIONS = frozenset(("bij",))
ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
ROAD_NUMBER = re.compile(r"[AENR][0-9]{1,3}")
ARABIC_NAME = re.compile(rf"{ARABIC_ARTICLE}[A-Z]")
SURNAME_OPENERS = frozenset(("Van", "Vanden", "Vander"))  # not "Ter"/"Ten": "Ter Apel", "Ten Boer" are places
CREEDS = ("Katholie", "Christelijk", "Protestant", "Islamitisch", "Joods", "Joodse")  # nationalities.txt's creeds


class ArticleText:
    """One article's text and what is known about its words."""

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

    def opens_sentence(self, start):
        """at_sentence_start(start), answered at once in the usual case: after a space and a letter."""
        text = self.text
        if start > 1 and text[start - 1] == " " and text[start - 2] not in SKIPPED_BEFORE_SENTENCE:
            return text[start - 2] in SENTENCE_END
        return self.at_sentence_start(start)

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
        return _is_nationality(word, self.gazetteer.nationalities)

    def _without_labels(self, parts):
        """The parts without labels in capitals at either edge; none if only initials remain."""
        text, gazetteer = self.text, self.gazetteer
        while parts and is_label(text[parts[-1][0]:parts[-1][1]], gazetteer):
            parts = parts[:-1]
        while parts and is_label(text[parts[0][0]:parts[0][1]], gazetteer):
            parts = parts[1:]
        if all(e - s <= 2 and text[e - 1] == "." for s, e in parts):
            return []
        return parts

    def _is_dateline(self, end):
        """"ROUBAIX - ..." or "GENÈVE (AFP) - ..." opening a paragraph."""
        return DATELINE_TAIL.match(self.text, end) is not None

    def is_word(self, word):
        """A Dutch or English word in any case: in capitals ("BEURS", "ECHT", "BREAKING") a section label or
        emphasis rather than a place (unless it opens a dateline and an entity file knows it: "ECHT - ..."),
        after digits a unit ("8UUR"), capitalised after "en" a policy area ("Verkeer en Waterstaat")."""
        gazetteer = self.gazetteer
        lower = word.lower()
        return self.is_common_word(word) or lower in gazetteer.lowercase_words or lower in gazetteer.english_words

    def is_unknown_word(self, word):
        """A capitalised word that no entity file or word list knows, as a surname is."""
        return (word[:1].isupper() and not word.isupper() and word not in self.gazetteer.surfaces
                and not self.is_common_word(word) and word.lower() not in self.gazetteer.lowercase_words)

    def _named_after(self, parts, i):
        """"Koning Boudewijnstadion", "Prins Bernhard Cultuurfonds": a title opening a sequence whose last
        word is a venue or an organisation word is part of a name given after a person."""
        last = self.text[parts[-1][0]:parts[-1][1]]
        return len(parts) - i > 1 and (head_type(last) == "location" or _is_org_word(last))

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

    def previous_words(self, pos):
        return WORD.findall(self.text, max(0, pos - 40), pos)[-2:]


class NameEvidence(ArticleText):
    """What the words of a capitalised sequence, and the words before it, say about the name: where one
    name ends and the next starts, whether a lone word can be a name, and of which type."""

    def _split_point(self, words):
        """Where one name ends and another starts: "Cultuur | Bert Anciaux", "Pol Tansens | van | Sabena";
        a name ending in a venue or organisation word is named after a person, and whole ("Prins Bernhard
        Cultuurfonds")."""
        is_first_name = self.is_first_name
        for i in range(1, len(words)):
            if is_first_name(words[i]) and (self._is_not_name_part(words[i - 1]) or self._title_before(words, i)) and not (
                head_type(words[-1]) == "location" or _is_org_word(words[-1])
            ):
                return i
            if words[i] == "van" and i >= 2 and (
                not all(map(is_first_name, words[:i])) or _names_organisation(words[i + 1:])
            ):
                if is_first_name(words[0]) or words[i + 1] in ("de", "het") or self._person_then_club(words, i):
                    return i
        return 0

    def _title_before(self, words, i):
        """"Konings | Julien Moinil": a word that is no given name or particle, before a given name and a
        surname, is the end of a title or of another name, not the start of this person's."""
        before = words[i - 1]
        return (i + 1 < len(words) and words[i + 1][:1].isupper() and not self.is_first_name(before)
                and before.lower() not in PARTICLE_WORDS and not before.isupper())

    def _person_then_club(self, words, i):
        """"Thymen Arensman van Ineos Grenadiers": two capitalised words, then "van" and a capitalised
        name, are a person and where the person works (a Dutch surname has at most one "van" word before it,
        and an organisation's own "van" follows its head: "Hoge Raad van Discipline")."""
        before = words[:i]
        return (
            i == 2 and words[i + 1][:1].isupper() and not any(map(_is_org_word, before))
            and OTHER_WORDS.isdisjoint(before) and not any(w.isupper() for w in before)
            and head_type(before[-1]) is None and not self.is_common_word(before[-1])
        )

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

    def is_first_name(self, word):
        """A known given name ("Jan", "Jean-Luc"), or an initial ("J.")."""
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
        """A lone capitalised word is no name if it is a common word (in capitals too: "BTW"), the noun of an
        old genitive ("Procureur des Konings"), or starts a sentence and nothing else says so."""
        if word in self.gazetteer.first_names:
            return True
        if (self.is_common_word(word) or is_lowercase_word(word, self.gazetteer) or word.endswith(("se", "sche", "'s"))
                or self.text.endswith(" des ", 0, start)):
            return False
        if "-" in word and word.rsplit("-", 1)[1].islower():
            return False
        if word.isupper() and len(word) > 1:
            return True
        return not self.at_sentence_start(start) or self._known_elsewhere(word)

    def _given_name_as_place(self, parts, words, covered):
        """"Axel Witsel", "Veerle Baetens", "Jos Verstappen": a given name the gazetteer knows as a place,
        then a surname (unknown, or a known person's), is a person, not a place and a name."""
        given, surname = covered[parts[0][0]], covered[parts[1][0]]
        return (
            given is not None and given.type == "location" and given.end == parts[0][1]
            and self.is_first_name(words[0]) and words[1][:1].isupper() and not words[1].isupper()
            and (surname is None or surname.type == "person") and not self.is_common_word(words[1])
        )

    def _given_name_before_surname(self, words, surname):
        """"Thorgan Hazard": an unknown capitalised word right before a surname the gazetteer knows alone
        (an alias of "Eden Hazard") is another given name of that family, not a word and Eden."""
        if surname is None or surname.type != "person" or len(words) != 1:
            return False
        word, surface = words[0], self.text[surname.start:surname.end]
        return (
            " " not in surface and surface != surname.entity and not word.isupper() and not self.is_common_word(word)
            and word.lower() not in self.gazetteer.lowercase_words  # "Kroonprinses Amalia"
            and not self.is_nationality(word) and not _is_person_cue(word) and not _is_org_word(word)
            and not (word.endswith("er") and self.gazetteer.surfaces.get(word[:-2], surname).type == "location")
        )  # not "Limburger Wilders", an inhabitant of a known place

    def _may_be_surname(self, match):
        """Whether a known name right after a given name is that person's surname: a place or a person
        ("Jan Rijswijk", "Jos Verstappen"), or a company named as one word, as families are ("Willem
        Eriks", "Anthony Fokker"); not an acronym or a longer organisation name ("Pieter NAVO")."""
        if match.type != "organization":
            return True
        surface = self.text[match.start:match.end]
        return " " not in surface and not surface.isupper()

    def _names_club(self, word):
        """"Cercle" in "Cercle Brugge", "Racing" in "Racing Genk": a capitalised word before a place that
        is no common word, given name, nationality or role names an organisation (most often a club)."""
        return (
            word[:1].isupper() and not word.isupper() and not self.is_first_name(word)
            and not self.is_nationality(word) and not _is_person_cue(word)
            and not (self.is_common_word(word) or word.lower() in self.gazetteer.english_words)
        )

    def _type_from_cues(self, parts, words):
        first = words[0]
        if len(words) == 1 and self.text.endswith(("een ", "Een "), 0, parts[0][0]):
            return "other", STRONG  # "een Oscar", "een Mercedes": a thing named after someone, no person
        if self.is_first_name(first):
            return "person", STRONG
        if first == "The" and len(words) > 1:
            return "organization", STRONG  # "in The Guardian", "The Lancet": papers, bands and firms, not places
        apposition = self._apposition_type(parts[-1][1])
        if apposition is not None:
            return apposition, STRONG
        previous = self.previous_words(parts[0][0])
        if previous and previous[-1].lower().endswith(ORG_CUE_ENDINGS):
            return "organization", STRONG
        if previous and _is_person_cue(previous[-1]):
            return "person", STRONG
        if len(previous) == 2 and previous[1] == "van" and previous[0].lower() in PLACE_VAN_CUES:
            return "location", STRONG
        if len(previous) == 2 and previous[1] == "van" and (
            _is_person_cue(previous[0]) or previous[0].lower() in STAFF_WORDS or previous[0].lower() in ORG_VAN_CUES
        ):
            return "organization", STRONG
        if len(previous) == 2 and previous[1] in ("als", "zoals") and previous[0].lower().endswith(
            ORG_PLURAL_CUE_ENDINGS
        ):
            return "organization", STRONG
        if len(previous) == 2 and previous[0].lower() in ("het", "de") and self.is_nationality(previous[1]):
            # "het Chinese Wingtech": people take no article; "in het Franse Roubaix": a place after a preposition of place
            before = WORD.findall(self.text, max(0, parts[0][0] - 60), parts[0][0])[-3:-2]
            return ("location" if before and before[0] in PLACE_CUES else "organization"), STRONG
        if previous and (previous[-1] in PLACE_CUES or previous[-1].lower() in PLACE_NOUNS):
            return "location", STRONG  # "in X", "het dorp X"
        if len(words) == 1 and ROAD_NUMBER.fullmatch(first):
            return "location", STRONG  # "de A12", "de E40", "de R0": a road
        if len(words) == 1 and first.isupper() and len(first) > 1:
            return "organization", STRONG
        if words[-1].lower().endswith(PLACE_ENDINGS) and len(words) == 1:
            return "location", WEAK
        if previous and previous[-1] in SPEAKER_CUES:
            return "person", WEAK
        if previous and previous[-1] in SOURCE_CUES:
            return "organization", WEAK
        if len(previous) == 2 and previous[1] == "voor" and previous[0].lower() in MEMBER_VERBS:
            return "organization", STRONG  # "speelt voor Veltrama United", "reed voor Ineos Grenadiers"
        if previous and previous[-1].lower() in ORG_PREPOSITIONS:
            return "organization", WEAK  # "werkt bij Sabena", "bij Goldman Sachs": one works at organisations
        if len(words) > 1 and first.isupper() and 1 < len(first) <= 4:
            return "organization", WEAK  # "TU Twente", "KU Leuven", "AZ Alkmaar": an acronym opens an organisation
        if len(words) > 1 and words[-1].isupper() and 1 < len(words[-1]) <= 4 and not ROMAN_NUMERAL.fullmatch(words[-1]):
            return "organization", WEAK  # "Lierse SK", "Cambuur FC": an acronym closes one ("Willem II" is a numeral)
        if len(words) > 1 and any(map(_has_inner_capital, words)):
            return "organization", WEAK  # "Financier ZonMw": a brand's inner capital
        if len(words) > 1 and first.lower() in PARTICLE_WORDS:
            # "De Vries", "Van der Meer": a surname; "De Graafschap", "De Kuip": an article and a noun
            head = next((w for w in words if w.lower() not in PARTICLE_WORDS), first)
            place_like = first.lower() in ("ter", "ten")  # "Ter Apel", "Ten Boer" are villages as often
            return ("other" if place_like or self.is_common_word(head) else "person"), WEAK
        if len(words) > 1:
            # "Postcode Loterij" opens with a Dutch word, "Nationale ..." with an adjective
            adjective = first.lower() in self.gazetteer.common_words or first.lower() in self.gazetteer.lowercase_words or first.endswith(ADJECTIVE_ENDINGS)
            phrase = any(w.islower() for w in words)  # "Filmfestival van Venetië": no first name before "van"
            # Two capitalised words are most often a person; three or more without a first name are
            # more often a title, an event or a foreign organisation than a person.
            article = bool(previous) and previous[-1] in ("de", "het")  # people take no article
            english = all(w.lower() in self.gazetteer.english_words for w in words)  # "Black Friday"
            return ("other" if adjective or phrase or article or english or len(words) > 2 else "person"), WEAK
        if _has_inner_capital(first):
            return "organization", WEAK  # "PostNL", "ProRail": a brand's inner capital
        return "other", WEAK


    def _apposition_type(self, end):
        """", het bedrijf achter de app", ", de Belgische zangeres", ", de hoofdstad van": the type the
        noun of an apposition after a name gives it, or None."""
        text = self.text
        if not text.startswith(", ", end):
            return None
        words = WORD.findall(text, end, end + 60)[:4]
        if not words or words[0] not in APPOSITION_ARTICLES:
            return None
        for word in words[1:]:
            lower = word.lower()
            person, org = _is_person_cue(lower), lower.endswith(ORG_CUE_ENDINGS)
            if person != org:
                return "person" if person else "organization"
            if lower in PLACE_NOUNS:
                return "location"
        return None

    def compound_owners(self):
        """"VN-chef", "Ajax-trainer": the capitalised part of a compound whose head is a role (a person
        cue or a staff word) is the organisation that person works for; a nationality or a place is not."""
        text = self.text
        if "-" not in text:
            return []
        found = []
        surfaces, nationality = self.gazetteer.surfaces, self.is_nationality
        for match in COMPOUND_HEAD.finditer(text):
            head = match.group(1)
            if not (_is_person_cue(head) or head in STAFF_WORDS or head in ORG_COMPOUND_HEADS):
                continue
            end = start = match.start()
            while start > 0 and _is_word_char(text[start - 1]):
                start -= 1
            owner = text[start:end]
            if (len(owner) < 2 or not owner[0].isupper() or (start > 0 and text[start - 1] in "-'’")
                    or owner in surfaces or nationality(owner)
                    or (self.opens_sentence(start) and (self.is_common_word(owner) or not (
                        owner.isupper() or self._known_elsewhere(owner))))):
                continue
            found.append(Candidate(start, end, "organization", owner, None, "rule", WEAK))
        return found

    def _member_of(self, person, name):
        """"trainer Arne Slot van Liverpool", "Kamerlid Jan Peeters (Veltrama)": after a person named with
        the role of a member ("trainer", "topman", "Kamerlid"), a name after "van" or in brackets is the
        club, company or party. Without such a role it may be a village ("Gerrit Stam van Giethoorn")."""
        text = self.text
        between = text[person.end:name.start]
        if person.type != "person" or not (between == " van " or (between == " (" and text[name.end:name.end + 1] == ")")):
            return False
        role = self.previous_words(person.start)
        return bool(role) and _is_member_role(role[-1].lower())

class MentionRules(NameEvidence):
    """Candidates from the gazetteer and from capitalised word sequences in one article's text."""

    def with_coordinated_types(self, chosen):
        """"Arriva en Qbuzz", "Anderlecht, Molenbeek en Schaarbeek": names in one list are of one kind, so a
        name the rules could not type takes the type of a typed name it is listed with; after a member
        of an organisation and "van", or in brackets after one, it is that organisation (`_member_of`)."""
        text, typed = self.text, ("person", "location", "organization")
        for i, c in enumerate(chosen):
            if c.strength != WEAK or c.method != "rule" or c.type not in ("other", "person"):
                continue
            if i and self._member_of(chosen[i - 1], c):
                c.type = "organization"  # "trainer Arne Slot van Liverpool", "Kamerlid Jan Peeters (Veltrama)"
                continue
            if c.type != "other":
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(chosen) and chosen[j].type in typed:
                    a, b = (chosen[j], c) if j < i else (c, chosen[j])
                    if text[a.end:b.start] in (" en ", ", ", " of "):
                        c.type = chosen[j].type
                        break
        return chosen

    def gazetteer_candidates(self):
        """Every known surface form on word boundaries, except common words opening a sentence ("Best")."""
        text, found = self.text, []
        length = len(text)
        user_surfaces = self.gazetteer.user_surfaces
        for end, (size, entity) in self.gazetteer.automaton.iter(text):
            start, end = end - size + 1, end + 1
            if (start > 0 and text[start - 1].isalnum()) or (end < length and text[end].isalnum()):
                continue
            surface = text[start:end]
            if surface[0] in "dh" and surface.startswith(("de ", "het ")) and entity.name.startswith(("De ", "Het ")):
                start += surface.index(" ") + 1  # "de Standaard": the lower-case article is no part of the name
                surface = text[start:end]
            if user_surfaces and surface in user_surfaces:
                found.append(Candidate(start, end, entity.type, entity.name, entity.wikidata, "gazetteer", USER))
                continue
            if " " not in surface and not surface.isupper():  # "Best" opening a sentence, but not "VN"
                if self.opens_sentence(start) and self.is_common_word(surface):
                    continue
            elif surface in self.gazetteer.capitals_forms and self.is_word(surface) and not self._is_dateline(end):
                continue  # "Het is ECHT waar": a word in capitals, though "ECHT -" is the town of Echt
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
                if self.opens_sentence(start) and self.is_common_word(sequence):
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
        return [c for c in found if not _inside_known_name(c, covered)]

    def _one_word(self, word, start, end, covered, info, found):
        """What _candidates_in finds in a single part, given WordCache.single_word's answers."""
        _, org, other, all_capitals, compass, capitalised = info
        if org:
            # "Rabobank", "Gezondheidsraad" name one; "Ministerie", "Hof", "Group" alone name none in particular
            generic = word in GENERIC_ORG_WORDS
            found.append(Candidate(start, end, "other" if generic else "organization", word, None, "rule", STRONG + 2))
        elif other:
            found.append(Candidate(start, end, "other", word, None, "rule", STRONG + 2))
        elif all_capitals and covered[start] is None and self._is_dateline(end) and not self.is_word(word):
            # "ROUBAIX - ...": the place, named as it is written in running text
            found.append(Candidate(start, end, "location", word.title(), None, "rule", STRONG + 2))
        elif compass:
            found.append(Candidate(start, end, "location", word, None, "rule", STRONG + 2))
        elif all_capitals and is_label(word, self.gazetteer):
            pass  # "ADVERTENTIE", "COPYRIGHT": an export's label, not a name
        elif (
            capitalised
            and covered[start] is None
            and covered[end - 1] is None
            and self._may_be_single_name(word, start)
        ):
            following = covered[end + 1]
            if following is not None and self.is_first_name(word) and self._may_be_surname(following):
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
            after = text[parts[i + 1][0]:parts[i + 1][1]] if word.isupper() and i + 1 < n else ""
            if dropped and not (after[:1].isupper() and not after.isupper()):  # but "OH Leuven"
                i += 1
            elif word in SURNAME_OPENERS and i + 1 < n and self._surname_follows(parts[i + 1:n]):
                break
            elif nationality and not first_name and n - i >= 2 and _opens_organisation_name(self, word, parts[i + 1:n]):
                break  # "(de) Katholieke Universiteit Leuven", also opening a sentence
            elif self.at_sentence_start(start) and self._opens_sentence_only(word, parts, i):
                i += 1
            elif person_cue and not self._named_after(parts, i):
                i += 1
            elif nationality and not (n - i > 1 and first_name):
                i += 1
            else:
                break
        while n > i and (text[parts[n - 1][0]:parts[n - 1][1]].islower()
                         or is_label(text[parts[n - 1][0]:parts[n - 1][1]], self.gazetteer)):
            n -= 1
        if n > i and all(e - s <= 2 and text[e - 1] == "." for s, e in parts[i:n]):
            return []  # initials alone ("C.") name no one
        return parts[i:n] if i or n < len(parts) else parts

    def _surname_follows(self, parts):
        """After "Van" opening a sentence: "Van der Laan", "Van Dekkerink" are surnames; "Van Poetin",
        "Van Jan", "Van Nederlanders" and "Van Dijk" (a common word) are not evidence enough."""
        text = self.text
        words = [text[s:e] for s, e in parts]
        while words and words[0] in PARTICLE_WORDS:
            words = words[1:]
            if words and words[0][:1].isupper() and not self.is_nationality(words[0]):
                return True
        if not words:
            return False
        word = words[0]
        return self.is_unknown_word(word) and not self.is_first_name(word) and not self.is_nationality(word)

    def _opens_sentence_only(self, word, parts, i):
        """Sentence-initial words that only look like names: "Het", "Vakbond FNV", "Bussen van Arriva", "Accepteer
        Cookies" (a word written in lower case only, unless an organisation word or a known name follows)."""
        if self.is_common_word(word):
            return not (self.is_first_name(word) and i + 1 < len(parts)  # but "Ben Weyts", "Daan Roosegaarde"
                        and self.is_unknown_word(self.text[parts[i + 1][0]:parts[i + 1][1]]))
        if len(parts) - i < 2 or self.is_first_name(word) or word in self.gazetteer.surfaces:
            return False
        lower = word.lower()
        text = self.text
        following = text[parts[i + 1][0]:parts[i + 1][1]]
        if lower.endswith(ORG_CUE_ENDINGS) and len(parts) - i > 2 and text[parts[-1][0]:parts[-1][1]] in LEGAL_FORMS:
            return False  # "Bouwbedrijf Van Dalen BV": a company's registered name keeps its opening noun
        return (
            _is_person_cue(lower)
            or lower in PLACE_NOUNS
            or lower.endswith(ORG_CUE_ENDINGS)
            or (lower in self.gazetteer.lowercase_words and not _is_org_word(following) and following not in self.gazetteer.surfaces)
            or following == "van"
            or self.is_first_name(following)
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
                if info[0]:  # dropped whatever its position: "De Nederlandstalige"
                    return []
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
        head = head_type(words[-1])
        if head is not None:
            return [self._rule_candidate(start, end, head, STRONG, override=True)]
        if not OTHER_WORDS.isdisjoint(words):
            return [self._rule_candidate(start, end, "other", STRONG, override=True)]
        if len(words) == 1:
            word = words[0]
            if word.isupper() and covered[start] is None and self._is_dateline(end) and not self.is_word(word):
                return [self._rule_candidate(start, end, "location", STRONG, override=True)]
            if word.startswith(COMPASS_PREFIXES):
                return [self._rule_candidate(start, end, "location", STRONG, override=True)]
        if len(words) == 2 and self._given_name_as_place(parts, words, covered):
            return [self._rule_candidate(start, end, "person", STRONG, override=True)]
        found = []
        for segment in _segments_outside(parts, covered, text, self.is_first_name):
            segment = self._without_labels(segment)
            if not segment:
                continue
            words = [text[s:e] for s, e in segment]
            seg_start, seg_end = segment[0][0], segment[-1][1]
            following = covered[seg_end + 1]
            if following is not None and following.type == "location" and len(words) == 1 and (
                _is_org_word(words[0]) or (words[0].isupper() and len(words[0]) <= 4) or self._names_club(words[0])
            ):  # "TU Delft", "OH Leuven", "Cercle Brugge": one organisation, not a word and a place
                found.append(self._rule_candidate(seg_start, following.end, "organization", STRONG, override=True))
                continue
            given_name = self._given_name_before_surname(words, following)
            if len(words) == 1 and not (given_name or self._may_be_single_name(words[0], seg_start)):
                continue
            if following is not None and (given_name or self.is_first_name(words[-1])) and self._may_be_surname(following):
                found.append(self._rule_candidate(seg_start, following.end, "person", STRONG, override=True))
                continue
            type_, strength = self._type_from_cues(segment, words)
            # A segment over a known name (after a capitalised particle: "Da Vinci", "De Rijke") is the longer name.
            across = any(covered[s] is not None for s, _ in segment)
            found.append(self._rule_candidate(seg_start, seg_end, type_, strength, override=across))
        return found


    def _rule_candidate(self, start, end, type_, strength, override=False):
        text = self.text
        if type_ == "person" and end - start > 2 and text[end - 2] == " " and text[end:end + 1] == ".":
            end += 1  # "Marco B.": a surname cut to its initial keeps its full stop
        name = " ".join(text[start:end].split())
        return Candidate(start, end, type_, name, None, "rule", strength + (2 if override else 0))


def _is_member_role(word):
    """"trainer", "oud-trainer", "teambaas", "clubvoorzitter": the role of someone in an organisation."""
    return word.rsplit("-", 1)[-1] in MEMBER_ROLES or any(
        word.endswith(role) for role in MEMBER_ROLES if len(role) >= 4 and len(word) > len(role) + 2)


def _opens_organisation_name(article, adjective, parts):
    """Whether a nationality or creed `adjective` before the name `parts` (spans in `article`) is part of it:
    before a name that ends in an organisation word ("Amerikaanse Senaat", "Spaanse Hoge Raad", "Franse
    Socialistische Partij": another country's body, not the known one), unless the rest is a name of its own
    ("het Britse British Airways", "het Duitse Volkswagen Group"); a creed also before one that opens with an
    organisation word ("Katholieke Universiteit Leuven", "Christelijke Mutualiteit Limburg"; but "de Britse
    Universiteit van Oxford"), unless that is a known entity's name."""
    rest, gazetteer = [article.text[s:e] for s, e in parts], article.gazetteer
    if _is_org_word(rest[-1]):
        return " ".join(rest[:-1]) not in gazetteer.entities and all(
            w[:1].isupper() and w.lower() not in gazetteer.english_words for w in rest[:-1])
    return adjective.startswith(CREEDS) and _is_org_word(rest[0]) and not any(
        " ".join(rest[:k]) in gazetteer.entities for k in range(1, len(rest) + 1))


def _has_inner_capital(word):
    """"PostNL", "ZonMw": a capital inside a word that is not all capitals. A capital after a hyphen or
    an apostrophe starts a part of a compound name ("Sint-Truiden", "O'Neill") and is no brand's."""
    return not word.isupper() and any(c.isupper() and word[i] not in "-'’" for i, c in enumerate(word[1:]))


def _inside_known_name(candidate, covered):
    """Whether a gazetteer match at least as long overlaps the candidate: the longest, most specific
    name wins, so "Ministerie" is never cut out of "Openbaar Ministerie"."""
    size = candidate.end - candidate.start
    for match in (covered[candidate.start], covered[candidate.end - 1]):
        if match is not None and (match.end - match.start >= size or match.strength >= USER):
            return True
    return False


def _names_organisation(words):
    """"de KU Leuven", "het Rode Kruis"? After "van de" an acronym or an organisation word starts an
    organisation, not the rest of a person's name ("Pieter-Jan Claes van de KU Leuven")."""
    if not words or words[0] not in ("de", "het"):
        return False
    name = [w for w in words[1:] if w[:1].isupper()]
    return bool(name) and ((name[0].isupper() and len(name[0]) > 1) or any(map(_is_org_word, name)))


def _strip_particles(parts, text):
    while parts and not text[parts[0][0]].isupper():
        parts = parts[1:]
    while parts and not (text[parts[-1][0]].isupper() or ARABIC_NAME.match(text, parts[-1][0])):
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

