"""Word lists and Dutch sentence templates for the synthetic benchmark corpus.

All text here was written for the benchmark. Templates use ``str.format`` slots:

- per article (the same value throughout one article, as in real reporting):
  ``{p1} {p2} {p3}`` people by full name, ``{p1s} {p2s} {p3s}`` the same people by surname,
  ``{city} {city2}``, ``{province}``, ``{country}``, ``{org} {org2}``, ``{party}``, ``{club} {club2}``,
  ``{weekday}``, ``{minister}``;
- fresh at every use: ``{num} {big} {pct} {amount} {score} {age} {year} {hour} {month} {n}``.
"""

SOURCES = [
    # (name, relative weight, closing boilerplate paragraph)
    ("NOS", 16, "Volg het laatste nieuws in de NOS-app."),
    ("NU.nl", 18, "Download de NU.nl-app en mis geen enkel nieuwsbericht."),
    ("De Telegraaf", 12, "Lees ook: alle achtergronden bij dit nieuws op telegraaf.nl."),
    ("de Volkskrant", 10, "Volg het laatste nieuws in onze app."),
    ("NRC", 8, "Wilt u reageren op dit artikel? Stuur een brief naar de redactie via brieven@nrc.nl."),
    ("Trouw", 6, "Lees elke ochtend het belangrijkste nieuws in onze nieuwsbrief."),
    ("AD", 12, "Wil je op de hoogte blijven? Download de AD-app en zet meldingen aan."),
    ("Het Parool", 5, "Tips voor de redactie? Mail naar tips@parool.nl."),
    ("De Standaard", 7, "Dit artikel verscheen eerder in de papieren krant van De Standaard."),
    ("VRT NWS", 6, "Bekijk de volledige reportage op VRT MAX."),
]

FIRST_NAMES = """
Jan Pieter Kees Willem Henk Dirk Sander Bas Thomas Daan Lars Ruben Joris Maarten Stijn Wouter Bram Koen
Tim Jeroen Erik Frank Gerrit Johan Hans Niels Sven Jesse Mohamed Ahmed Yusuf Mehmet Kevin Jens Pieterjan
Anna Sanne Lisa Eva Femke Marieke Ingrid Annemarie Els Inge Lotte Fleur Julia Sophie Emma Noor Fatima Yasmina
Nadia Hanneke Karin Monique Ilse Esther Marloes Sara Lieve Griet An Katrien Hilde Nele Ellen Mirjam Petra
""".split()

SURNAMES = """
de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer Mulder de_Groot Bos Vos
Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra Smits de_Graaf van_der_Meer van_der_Linden Kok Jacobs
de_Haan Vermeulen van_der_Heijden van_der_Veen van_den_Broek de_Bruijn Schouten Willems Hoekstra Koster Prins
Peeters Maes Janssens Claes Wouters Goossens Mertens Dubois Lambrecht Verhoeven Wuyts Desmet Coppens Vandenbroucke
Yilmaz El_Amrani Bouzid Kaya Demir Öztürk Çelik Şahin Nijland Ruiters Kramer Boersma Postma Veenstra Hermans
""".split()

# Public figures appear by their real names, as they would in any news archive.
PUBLIC_FIGURES = """
Mark Rutte|Dick Schoof|Geert Wilders|Frans Timmermans|Rob Jetten|Dilan Yeşilgöz|Caroline van der Plas|Pieter Omtzigt
Sigrid Kaag|Hugo de Jonge|Wopke Hoekstra|Femke Halsema|Ahmed Aboutaleb|Willem-Alexander|Bart De Wever|Alexander De Croo
Conner Rousseau|Jan Jambon|Ursula von der Leyen|Emmanuel Macron|Olaf Scholz|Joe Biden|Donald Trump|Vladimir Poetin
Volodymyr Zelensky|Recep Tayyip Erdogan|Xi Jinping|Mark Zuckerberg|Elon Musk|Max Verstappen|Virgil van Dijk
Ronald Koeman|Wout van Aert|Remco Evenepoel|Sifan Hassan|Femke Bol|Kevin De Bruyne|Jens Stoltenberg|Antonio Guterres
""".replace("\n", "|").strip("|").split("|")

CITIES = """
Amsterdam Rotterdam Den_Haag Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen Apeldoorn Haarlem Arnhem
Enschede Amersfoort Zaanstad Zwolle Leiden Maastricht Dordrecht Zoetermeer Deventer Delft Alkmaar Venlo Leeuwarden
Heerlen Hilversum Hengelo Assen Middelburg Vlissingen Den_Helder Emmen Roermond Gouda Lelystad Harderwijk Sneek
Antwerpen Gent Brussel Brugge Leuven Mechelen Hasselt Kortrijk Oostende Aalst Genk Sint-Niklaas Turnhout Ieper
""".replace("_", " ").split()

PROVINCES = """
Groningen|Friesland|Drenthe|Overijssel|Flevoland|Gelderland|Utrecht|Noord-Holland|Zuid-Holland|Zeeland|Noord-Brabant
Limburg|Antwerpen|Oost-Vlaanderen|West-Vlaanderen|Vlaams-Brabant
""".replace("\n", "|").strip("|").split("|")

COUNTRIES = """
Duitsland|Frankrijk|België|Nederland|Spanje|Italië|Polen|Oekraïne|Rusland|Turkije|de Verenigde Staten|China|Japan
India|Brazilië|Marokko|Egypte|Israël|Iran|Zweden|Noorwegen|Denemarken|Griekenland|Portugal|Oostenrijk|Zwitserland
Hongarije|Roemenië|Canada|Mexico|Zuid-Afrika|Nigeria|Australië|Indonesië|Suriname|Syrië|Afghanistan|Venezuela
""".replace("\n", "|").strip("|").split("|")

ORGANISATIONS = """
Philips|ASML|Shell|Unilever|Heineken|ING|Rabobank|ABN AMRO|KLM|Schiphol|NS|ProRail|Rijkswaterstaat|het RIVM
het KNMI|het CBS|De Nederlandsche Bank|het CPB|de Raad van State|de Inspectie|de FNV|VNO-NCW|Greenpeace|Natuurmonumenten
Ahold Delhaize|Albert Heijn|Jumbo|bol.com|Booking.com|Tata Steel|Vattenfall|Eneco|Ziggo|KPN|PostNL|Randstad
de Universiteit van Amsterdam|de TU Delft|de Universiteit Gent|de KU Leuven|het Erasmus MC|het UMC Utrecht
de Europese Commissie|het Europees Parlement|de NAVO|de Verenigde Naties|het IMF|de Wereldgezondheidsorganisatie
Proximus|Colruyt|KBC|Belfius|de NMBS|De Lijn|Fluvius|de VRT|het Openbaar Ministerie|de politie|de brandweer
""".replace("\n", "|").strip("|").split("|")

PARTIES = """
VVD|PVV|CDA|D66|GroenLinks-PvdA|SP|BBB|NSC|JA21|ChristenUnie|SGP|Partij voor de Dieren|Volt|DENK|FVD
N-VA|Vooruit|Vlaams Belang|Open VLD|CD&V|Groen|PVDA
""".replace("\n", "|").strip("|").split("|")

CLUBS = """
Ajax|PSV|Feyenoord|AZ|FC Twente|FC Utrecht|Sparta Rotterdam|NEC|Go Ahead Eagles|Heerenveen|FC Groningen|Vitesse
Willem II|NAC Breda|Club Brugge|Anderlecht|Racing Genk|AA Gent|Standard Luik|Antwerp|KV Mechelen|Cercle Brugge
""".replace("\n", "|").strip("|").split("|")

MINISTERS = """
minister van Financiën|minister van Justitie en Veiligheid|minister van Volksgezondheid|minister van Onderwijs
minister van Buitenlandse Zaken|minister van Defensie|minister van Infrastructuur en Waterstaat|minister van Landbouw
staatssecretaris van Financiën|staatssecretaris van Asiel en Migratie|minister van Klimaat en Energie|Vlaams minister van Mobiliteit
""".replace("\n", "|").strip("|").split("|")

WEEKDAYS = "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split()
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()

HEADLINES = """
{p1s} wil snel duidelijkheid over nieuwe plannen
Kabinet botst met Kamer over {org}
{party} eist opheldering van {minister}
Onrust in {city} na besluit gemeenteraad
{org} schrapt honderden banen
Inflatie daalt naar {pct} procent
{club} wint met {score} van {club2}
Zware storm raast over {province}
Politie zoekt getuigen van steekpartij in {city}
Rechter veroordeelt {age}-jarige man uit {city}
Files en vertraging op het spoor rond {city}
{country} en de EU sluiten akkoord
Museum in {city} krijgt topstuk terug
Onderzoekers {org} boeken doorbraak
Leraren in {province} leggen het werk neer
Woningbouw in {city} loopt vertraging op
{p1s}: 'We moeten nu doorpakken'
Brand verwoest pand in centrum van {city}
Grote drukte bij opening van nieuw station in {city}
Gemeente {city} trekt extra geld uit voor jongeren
Vakbond dreigt met acties bij {org}
Zorgen over droogte in {province}
Recordaantal bezoekers voor festival in {city}
{p1} treedt af na kritiek
Nieuwe regels voor asielzoekers gaan per {month} in
Stroomstoring treft duizenden huishoudens in {province}
{org} haalt meer winst dan verwacht
Proces tegen verdachten van overval in {city} begint
Supporters {club} opgepakt na ongeregeldheden
Vlaamse regering en {party} bereiken akkoord
Boeren protesteren bij provinciehuis in {city}
Minder toeristen naar {country} dan vorig jaar
""".strip().splitlines()

TEMPLATES = {
    "politiek": """
Het kabinet heeft {weekday} een nieuw plan gepresenteerd om de problemen op de woningmarkt aan te pakken.
Volgens {p1} is er geen alternatief voor de maatregelen die de coalitie nu voorstelt.
De oppositie noemt het voorstel onvoldoende en wil dat {minister} {p1s} opnieuw naar de Kamer komt.
{party}-leider {p2} sprak van een gemiste kans voor gewone mensen.
In de Tweede Kamer werd {weekday} tot diep in de nacht gedebatteerd over de begroting.
Een meerderheid van de Kamer stemde in met een motie van {party} om het plan aan te passen.
{p1s} zei na afloop dat het kabinet de kritiek serieus neemt.
Volgens een peiling van {org} verliest {party} opnieuw {n} zetels.
De coalitiepartijen willen voor de zomer een akkoord bereiken over de hervorming.
Het voorstel kost volgens de eerste berekeningen ongeveer {amount} euro per jaar.
De Raad van State was eerder kritisch over de uitvoerbaarheid van het wetsvoorstel.
Kamerleden van {party} en {party} dienden samen een amendement in.
{p2s} verweet {p1s} dat hij de Kamer te laat had geïnformeerd.
De {minister} liet weten dat er na de zomer een nieuwe brief naar de Kamer gaat.
Het debat werd meerdere keren geschorst omdat de partijen het niet eens konden worden.
In {city} demonstreerden {weekday} enkele duizenden mensen tegen de plannen.
{p3} van {party} noemde de gang van zaken in de Kamer 'onbegrijpelijk'.
De formatie loopt vertraging op nu {party} nieuwe eisen op tafel heeft gelegd.
Informateur {p3s} verwacht binnen {n} weken een verslag te kunnen presenteren.
De gemeenteraad van {city} heeft {weekday} ingestemd met een hogere onroerendezaakbelasting.
Burgemeester {p2s} van {city} wil dat het Rijk meer geld beschikbaar stelt voor de opvang.
Volgens de Vlaamse regering moet de hervorming tegen {year} volledig zijn ingevoerd.
De premier benadrukte dat Nederland een betrouwbare partner blijft binnen de Europese Unie.
Ook binnen de eigen partij klinkt steeds meer kritiek op de koers van {p1s}.
Het wetsvoorstel wordt naar verwachting in {month} in de Eerste Kamer behandeld.
""",
    "economie": """
De inflatie is in {month} uitgekomen op {pct} procent, meldt het CBS.
{org} heeft over het afgelopen kwartaal een winst geboekt van {amount} euro.
Het bedrijf schrapt wereldwijd ongeveer {big} banen, waarvan een deel in Nederland.
Topman {p1} sprak van een moeilijk jaar, maar is optimistisch over de toekomst.
De aandelenkoers van {org} steeg {weekday} met {pct} procent.
Volgens economen van {org} zal de groei volgend jaar lager uitvallen dan verwacht.
De werkloosheid daalde vorige maand naar {pct} procent van de beroepsbevolking.
Consumenten gaven in {month} minder uit aan kleding en meer aan energie.
De Europese Centrale Bank verhoogt de rente met een kwart procentpunt.
Vakbond FNV eist een loonsverhoging van {pct} procent voor het personeel van {org}.
De onderhandelingen over een nieuwe cao liepen {weekday} opnieuw vast.
Het aantal faillissementen is het afgelopen jaar met {pct} procent toegenomen.
Ondernemers in {city} klagen over de hoge energierekening en het tekort aan personeel.
{org} wil de komende jaren {amount} euro investeren in duurzame energie.
De huizenprijzen stegen in het afgelopen kwartaal met gemiddeld {pct} procent.
Een gemiddelde woning kost inmiddels ruim {big} euro meer dan een jaar geleden.
De overname van {org2} door {org} moet nog worden goedgekeurd door de toezichthouder.
Analisten reageerden verrast op de cijfers, die ruim boven de verwachtingen lagen.
De export naar {country} nam het afgelopen jaar flink toe.
Volgens {p2} van De Nederlandsche Bank is de economie robuust, maar blijven er risico's.
Het personeel van {org} legt {weekday} het werk voor {n} uur neer.
De prijs van een liter benzine kwam deze week uit op gemiddeld twee euro.
Supermarkten verhogen opnieuw de prijzen van zuivel en brood.
De haven van Rotterdam sloeg vorig jaar minder goederen over dan het jaar ervoor.
Het consumentenvertrouwen verbeterde in {month} voor de {n}e maand op rij.
""",
    "sport": """
{club} heeft {weekday} met {score} gewonnen van {club2}.
De openingstreffer kwam na {num} minuten op naam van {p1}.
Trainer {p2} was na afloop tevreden over de inzet van zijn ploeg.
{club2} speelde de laatste twintig minuten met tien man na een rode kaart.
Door de overwinning staat {club} weer bovenaan in de competitie.
In de slotfase kwam {club2} nog terug tot {score}, maar verder kwam de ploeg niet.
{p1s} scoorde dit seizoen al {n} keer in de competitie.
Het stadion in {city} was met {big} toeschouwers volledig uitverkocht.
De wedstrijd lag na de rust enige tijd stil omdat supporters vuurwerk afstaken.
{p3} won {weekday} de sprint in de derde etappe van de ronde.
De Belgische renner reed in de laatste kilometer weg uit het peloton.
Bij het WK in {country} pakte de Nederlandse ploeg {n} medailles.
{p1s} verbeterde het nationale record op de 400 meter met bijna een halve seconde.
De KNVB onderzoekt de ongeregeldheden na de wedstrijd tussen {club} en {club2}.
De ploeg van {p2s} is nu al {n} wedstrijden ongeslagen.
De aanvaller tekende een contract tot de zomer van {year}.
Over de transfersom werd niets bekendgemaakt, maar die zou rond {amount} euro liggen.
De bondscoach maakte {weekday} zijn selectie bekend voor de interlands tegen {country}.
De doelman van {club} viel in de eerste helft uit met een knieblessure.
Na de rust nam {club2} het initiatief, maar grote kansen bleven uit.
De Grand Prix werd gewonnen door {p3}, die vanaf de derde plaats was gestart.
In de Jupiler Pro League won {club} met {score} bij {club2}.
De scheidsrechter kende na tussenkomst van de VAR alsnog een strafschop toe.
Volgend weekend speelt {club} uit tegen {club2}.
Het was de eerste nederlaag van het seizoen voor de ploeg uit {city}.
""",
    "weer": """
Het KNMI heeft voor {province} code oranje afgegeven vanwege zware windstoten.
Windstoten tot {num} kilometer per uur kunnen voor overlast zorgen.
Op meerdere plekken in {province} vielen bomen om en raakten auto's beschadigd.
De brandweer rukte {weekday} tientallen keren uit voor stormschade.
In {city} werd het {weekday} {num} graden, een record voor deze tijd van het jaar.
Het is volgens weerkundigen de warmste {month} sinds het begin van de metingen.
Door de aanhoudende droogte staat de waterstand in de grote rivieren erg laag.
Rijkswaterstaat roept scheepvaart op rekening te houden met beperkingen.
In de nacht kan het op enkele plaatsen licht vriezen.
Automobilisten wordt aangeraden extra voorzichtig te zijn vanwege gladheid.
De komende dagen blijft het wisselvallig met af en toe een flinke bui.
Op de Waddeneilanden kan het stormen, waardoor veerboten uitvallen.
Boeren in {province} maken zich zorgen over de oogst na weken zonder regen.
In {city} viel binnen een uur {num} millimeter regen, waardoor straten blank kwamen te staan.
Het Koninklijk Meteorologisch Instituut waarschuwt voor onweer in het oosten van het land.
Het weekend begint zonnig, maar zondag neemt de kans op regen toe.
Volgens {p1}, weerman bij {org}, wordt het volgende week opnieuw warm.
Treinreizigers moeten rekening houden met vertraging door omgevallen bomen op het spoor.
Waterschappen nemen maatregelen om het water in de polders op peil te houden.
De sneeuw zorgde in {province} voor lange files tijdens de ochtendspits.
""",
    "misdaad": """
De politie heeft {weekday} in {city} een {age}-jarige man aangehouden.
Hij wordt verdacht van betrokkenheid bij een overval op een juwelier.
Bij de steekpartij in het centrum van {city} raakte een man zwaargewond.
Het slachtoffer is met spoed naar het ziekenhuis gebracht.
De politie is op zoek naar getuigen en vraagt mensen met camerabeelden zich te melden.
Het Openbaar Ministerie eiste {weekday} {n} jaar cel tegen de hoofdverdachte.
De rechtbank in {city} veroordeelde de {age}-jarige vrouw tot een taakstraf van {num} uur.
Volgens de officier van justitie handelde de verdachte met voorbedachten rade.
De advocaat van de verdachte, {p2}, gaat in hoger beroep.
Bij een inval in een woning in {city} vond de politie ruim {num} kilo drugs.
In de nacht van {weekday} op {weekday} werd een explosief tot ontploffing gebracht bij een woning.
Niemand raakte gewond, maar de schade aan de voordeur en de ramen is groot.
Het is de {n}e explosie in {city} dit jaar.
Burgemeester {p1s} heeft de woning voor drie maanden gesloten.
De verdachten werden na verhoor weer vrijgelaten, maar blijven verdachte in de zaak.
Het onderzoek naar de dood van de {age}-jarige man uit {city} is nog in volle gang.
Rechercheurs doen buurtonderzoek en hebben sporen veiliggesteld.
De man zit sinds {month} vast in afwachting van zijn proces.
Volgens de rechter is niet bewezen dat de verdachte het geld heeft witgewassen.
Agenten schoten {weekday} een man in zijn been nadat hij met een mes op hen afkwam.
De Rijksrecherche doet onderzoek naar het schietincident, zoals gebruikelijk is.
In totaal werden er {num} mensen aangehouden na de ongeregeldheden.
De politie spreekt van een doelbewuste actie en sluit een vergissing uit.
Het proces tegen de {n} verdachten begint naar verwachting in {month}.
""",
    "verkeer": """
Op de A{num} bij {city} is {weekday}ochtend een ernstig ongeluk gebeurd.
Bij de aanrijding waren {n} auto's en een vrachtwagen betrokken.
Rijkswaterstaat heeft de weg in beide richtingen afgesloten.
Weggebruikers moeten rekening houden met een flinke vertraging.
Tussen {city} en {city2} rijden voorlopig geen treinen door een defecte bovenleiding.
De NS zet bussen in tussen de stations, maar reizigers zijn een uur langer onderweg.
ProRail verwacht dat het treinverkeer aan het eind van de middag weer op gang komt.
Het aantal verkeersdoden steeg vorig jaar naar {num}, meldt het CBS.
Vooral onder oudere fietsers is het aantal slachtoffers flink gestegen.
De gemeente {city} wil de maximumsnelheid binnen de bebouwde kom verlagen naar dertig kilometer per uur.
De nieuwe tunnel onder het kanaal in {city} gaat in {month} open voor het verkeer.
De bouw heeft ruim {amount} euro gekost, veel meer dan begroot.
Door de staking van buschauffeurs rijden er in {province} {weekday} nauwelijks bussen.
Op Schiphol werden {weekday} {num} vluchten geannuleerd vanwege het slechte weer.
De ochtendspits was {weekday} met {num} kilometer file een van de drukste van het jaar.
De bestuurder van de auto is aangehouden omdat hij te veel had gedronken.
De brug bij {city} blijft door een storing voorlopig open staan voor de scheepvaart.
Fietsers in {city} krijgen er de komende jaren {num} kilometer fietspad bij.
De Lijn past vanaf {month} de dienstregeling aan in de regio rond {city}.
Reizigers klagen al maanden over volle treinen en uitgevallen verbindingen.
""",
    "buitenland": """
De president van {country} heeft {weekday} een bezoek gebracht aan {country}.
De twee leiders spraken onder meer over handel, veiligheid en migratie.
{p3} riep de internationale gemeenschap op om meer hulp te sturen.
Bij de aardbeving in {country} zijn volgens de autoriteiten zeker {num} doden gevallen.
Reddingswerkers zoeken nog naar overlevenden onder het puin.
De Verenigde Naties waarschuwen voor een humanitaire ramp in het gebied.
In {country} zijn {weekday} verkiezingen gehouden voor een nieuw parlement.
De opkomst lag met {pct} procent hoger dan bij de vorige verkiezingen.
De oppositie spreekt van fraude en weigert de uitslag te erkennen.
De Europese ministers van Buitenlandse Zaken kwamen {weekday} bijeen in Brussel.
Ze besloten nieuwe sancties in te stellen tegen {country}.
De NAVO verplaatst {big} militairen naar de oostgrens van het bondgenootschap.
Volgens {p3s} is de situatie in de regio zorgwekkend, maar niet hopeloos.
Het ministerie van Buitenlandse Zaken raadt reizen naar {country} af.
Duizenden mensen zijn het geweld in het oosten van het land ontvlucht.
De onderhandelingen over een staakt-het-vuren leverden {weekday} nog niets op.
De Amerikaanse regering maakte bekend {amount} dollar aan militaire steun te sturen.
In de hoofdstad van {country} gingen tienduizenden mensen de straat op.
De Nederlandse ambassade in {country} blijft voorlopig gesloten.
De top in {city} eindigde zonder gezamenlijke verklaring.
Het Kremlin ontkent elke betrokkenheid bij de aanslag.
Oekraïne blijft streven naar lidmaatschap van de Europese Unie.
De Chinese regering reageerde woedend op het bezoek van de delegatie.
Bij bombardementen op de stad kwamen volgens lokale bronnen {num} burgers om het leven.
""",
    "cultuur": """
Het museum in {city} heeft {weekday} een verloren gewaand schilderij teruggekregen.
Het werk werd in {year} gestolen en dook onlangs op bij een veiling in {country}.
De tentoonstelling trok in de eerste week al ruim {big} bezoekers.
Schrijver {p1} heeft de Libris Literatuurprijs gewonnen met zijn nieuwste roman.
Het boek gaat over een familie in {province} in de jaren vijftig.
Zangeres {p2} geeft in {month} drie concerten in de Ziggo Dome.
De kaarten voor de concerten waren binnen een uur uitverkocht.
Het festival in {city} trok dit jaar een recordaantal van {big} bezoekers.
De gemeente {city} bezuinigt {amount} euro op cultuur.
Theatermakers in {province} zijn boos over het besluit van het provinciebestuur.
De film van regisseur {p3} is genomineerd voor een internationale prijs.
Het orkest van {city} viert dit jaar zijn {num}-jarig bestaan.
De bibliotheek in {city} gaat na een verbouwing van twee jaar weer open.
Het nieuwe seizoen van de populaire serie trekt gemiddeld {big} kijkers.
Acteur {p1s} is op {age}-jarige leeftijd overleden, meldt zijn familie.
Hij speelde in tientallen films en was jarenlang te zien in het theater.
Het Rijksmuseum toont vanaf {month} een grote overzichtstentoonstelling.
De veiling van de collectie bracht ruim {amount} euro op.
Volgens conservator {p2s} is de vondst van grote historische betekenis.
In {city} opent binnenkort een nieuw poppodium met plek voor {big} bezoekers.
""",
    "wetenschap": """
Onderzoekers van {org} hebben een nieuwe behandeling tegen kanker ontwikkeld.
De resultaten zijn gepubliceerd in het wetenschappelijke tijdschrift Nature.
Volgens hoofdonderzoeker {p1} kunnen patiënten over enkele jaren profiteren van de vondst.
Het RIVM meldt dat het aantal besmettingen de afgelopen week met {pct} procent is gestegen.
Vooral ouderen en mensen met een zwakke gezondheid lopen risico.
Het kabinet trekt {amount} euro uit voor onderzoek naar kunstmatige intelligentie.
Wetenschappers maken zich zorgen over de snelle achteruitgang van de biodiversiteit.
Het aantal insecten is in {num} jaar tijd met meer dan de helft afgenomen.
Artsen in het {org} voerden {weekday} voor het eerst een robotoperatie uit bij een kind.
De wachtlijsten in de geestelijke gezondheidszorg zijn opnieuw langer geworden.
Volgens {p2s} van de Universiteit Gent zijn de uitkomsten veelbelovend.
Het onderzoek werd uitgevoerd onder ruim {big} deelnemers in {country}.
De ruimtesonde bereikt naar verwachting in {year} de buitenste planeten.
Klimaatwetenschappers waarschuwen dat de zeespiegel sneller stijgt dan gedacht.
Bij archeologisch onderzoek in {city} zijn resten van een Romeinse nederzetting gevonden.
De vondst is volgens archeologen zeker {big} jaar oud.
Een nieuw vaccin blijkt in de eerste tests goed te werken.
De Gezondheidsraad adviseert om de prik ook aan jongeren aan te bieden.
Het ziekenhuis in {city} kampt met een groot tekort aan verpleegkundigen.
Minister {p1s} wil dat zorgverzekeraars meer doen om de kosten te beperken.
""",
    "onderwijs": """
Leraren in {province} leggen {weekday} het werk neer voor betere arbeidsvoorwaarden.
Volgens de vakbond is het lerarentekort in de grote steden onhoudbaar geworden.
Op sommige scholen in {city} krijgen leerlingen nog maar vier dagen per week les.
De onderwijsinspectie is kritisch over de kwaliteit van het rekenonderwijs.
Het aantal internationale studenten aan Nederlandse universiteiten is opnieuw gestegen.
De universiteit in {city} wil het aantal Engelstalige opleidingen beperken.
Studenten protesteerden {weekday} in {city} tegen de hoge huren.
Een kamer in {city} kost gemiddeld {num} euro per maand, blijkt uit onderzoek.
De basisbeurs wordt vanaf {month} weer ingevoerd voor alle studenten.
Scholen krijgen {amount} euro extra om achterstanden weg te werken.
Ouders in {city} zijn boos over de sluiting van de laatste school in het dorp.
Het aantal leerlingen op het speciaal onderwijs neemt al jaren toe.
Volgens schooldirecteur {p2} is er simpelweg te weinig personeel.
De minister wil dat alle scholen vanaf {year} een mobiele telefoonverbod invoeren.
De eindexamens begonnen {weekday} voor ruim {big} leerlingen.
Bij het examen Nederlands ontstond onrust over een fout in een van de vragen.
De Vlaamse onderwijsminister wil strengere eindtermen voor het secundair onderwijs.
Hogescholen zien het aantal aanmeldingen voor de pabo dit jaar weer stijgen.
""",
    "wonen": """
De gemeente {city} wil de komende tien jaar {big} nieuwe woningen bouwen.
Een groot deel daarvan moet betaalbaar zijn voor starters en middeninkomens.
Projectontwikkelaars zeggen dat bouwen door de hoge kosten nauwelijks nog rendabel is.
De wachttijd voor een sociale huurwoning in {city} is opgelopen tot {n} jaar.
Huurders van corporatie {org} krijgen vanaf {month} een lagere huur.
Het aantal daklozen in {province} is het afgelopen jaar verder gestegen.
In de wijk {city2} ontstond onrust over plannen voor een nieuwe opvanglocatie.
De gemeente organiseerde {weekday}avond een informatiebijeenkomst voor de buurt.
Bewoners vrezen voor overlast en zijn niet vooraf geïnformeerd.
Wethouder {p2} begrijpt de zorgen, maar zegt dat de opvang hard nodig is.
De bouw van de nieuwe wijk ligt stil door de stikstofregels.
Volgens de provincie {province} moet er sneller worden gebouwd op open plekken in de stad.
De hypotheekrente daalde deze maand naar {pct} procent.
Makelaars zien dat huizen weer sneller worden verkocht.
De brand in de flat in {city} heeft de woningen van {num} gezinnen onbewoonbaar gemaakt.
De bewoners worden voorlopig opgevangen in een hotel.
De gemeenteraad stemde in met een verbod op kamerverhuur in een deel van de binnenstad.
Het nieuwe zwembad in {city} kost {amount} euro, meer dan eerder was afgesproken.
""",
    "techniek": """
{org} heeft {weekday} een nieuwe fabriek voor chips geopend in {city}.
De fabriek biedt werk aan ongeveer {big} mensen.
Bij een cyberaanval op {org} zijn gegevens van klanten buitgemaakt.
Het bedrijf weet nog niet hoeveel mensen getroffen zijn.
De Autoriteit Persoonsgegevens onderzoekt het datalek.
Een storing bij {org} zorgde {weekday} urenlang voor problemen met pinnen en internetbankieren.
Volgens {p1} van {org} was de oorzaak een fout in een software-update.
Steeds meer Nederlanders rijden elektrisch, blijkt uit cijfers van de RAI Vereniging.
Het aantal laadpalen in {city} groeit minder snel dan gehoopt.
De Europese Commissie wil strengere regels voor grote techbedrijven.
{p3} kondigde aan dat het sociale netwerk zijn algoritme gaat aanpassen.
Het nieuwe 5G-netwerk is nu beschikbaar in {num} gemeenten.
De overheid wil dat alle huishoudens in {year} een snelle internetverbinding hebben.
Onderzoekers van de TU Delft ontwikkelden een zonnepaneel dat ook bij bewolking veel stroom levert.
Het windpark voor de kust van {province} levert stroom voor {big} huishoudens.
Netbeheerder {org2} waarschuwt dat het stroomnet in {province} vol raakt.
Bedrijven moeten daardoor soms jaren wachten op een aansluiting.
Een Nederlandse start-up haalde {amount} euro op bij investeerders.
""",
    "algemeen": """
Dat meldt {org} op basis van eigen bronnen.
Dat heeft een woordvoerder van {org} bevestigd.
Een woordvoerder van de gemeente {city} laat weten dat het onderzoek nog loopt.
Wat de precieze oorzaak is, is nog niet bekend.
Het is nog onduidelijk hoe lang de situatie gaat duren.
Volgens ingewijden werd er al maanden over gesproken.
{p1s} wilde niet op de kwestie ingaan.
De betrokkenen zijn inmiddels op de hoogte gebracht.
Later {weekday} volgt meer informatie.
Volgens {p2} is dit pas het begin.
Het nieuws werd met gemengde gevoelens ontvangen.
Critici wijzen erop dat eerdere beloftes niet werden nagekomen.
'We moeten nu echt doorpakken,' zei {p1s} na afloop tegen verslaggevers.
'Dit hadden we nooit verwacht,' zegt een buurtbewoner.
De situatie wordt nauwlettend in de gaten gehouden.
Ook in {city2} werd de afgelopen tijd een toename gezien.
Het is niet de eerste keer dat {org} in opspraak raakt.
In {year} speelde een vergelijkbare kwestie in {city}.
Er wordt rekening gehouden met verdere vertraging.
Hij ontkent alles.
Zij reageerde niet op vragen van de redactie.
Het gaat om een bedrag van ongeveer {amount} euro.
Volgens schattingen gaat het om {big} mensen.
Tot nu toe hebben zich {num} mensen gemeld.
De maatregel geldt in elk geval tot {month}.
""",
}

# Attribution and context clauses appended to a share of template sentences ("..., meldt het ANP.").
CLAUSES = """
, meldt {org}
, zo blijkt uit cijfers van het CBS
, zei {p1s} {weekday} tegen verslaggevers
, aldus een woordvoerder van {org}
, schrijft de krant op basis van ingewijden
, bevestigt de gemeente {city}
, laat {org2} weten in een verklaring
, zegt {p2s} in een reactie
, zo werd {weekday} bekendgemaakt
, blijkt uit onderzoek van {org}
, terwijl de kritiek in {city} blijft aanhouden
, al is nog niet duidelijk wanneer dat precies gebeurt
, maar daar is het laatste woord nog niet over gezegd
, zo liet {p1s} eerder deze week weten
, volgens bronnen rond het onderzoek
, ondanks protesten van bewoners en ondernemers
, tot grote opluchting van de betrokkenen
, zo staat in een rapport dat {weekday} verscheen
""".strip().splitlines()
