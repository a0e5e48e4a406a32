"""Countries and their capitals, in French and English: typed as places whatever the model says, and
a capital that acts (« Washington réaffirme », « Paris a annoncé ») counted as its country.

One line per country: its names, ``|``, its capital's names. Names are compared folded (``fold``).
"""

from __future__ import annotations

from briefing_tui.annotate.words import fold

_TABLE = """
Afghanistan | Kaboul, Kabul
Afrique du Sud, South Africa | Pretoria
Algérie, Algeria | Alger, Algiers
Allemagne, Germany | Berlin
Angola | Luanda
Arabie saoudite, Saudi Arabia | Riyad, Riyadh
Argentine, Argentina | Buenos Aires
Australie, Australia | Canberra
Autriche, Austria | Vienne, Vienna
Belgique, Belgium | Bruxelles, Brussels
Bénin, Benin | Porto-Novo
Brésil, Brazil | Brasilia
Burkina Faso, Burkina | Ouagadougou
Burundi | Gitega
Cameroun, Cameroon | Yaoundé
Canada | Ottawa
Centrafrique, République centrafricaine, Central African Republic | Bangui
Chine, China | Pékin, Beijing
Congo, Congo-Brazzaville | Brazzaville
République démocratique du Congo, RDC, DRC | Kinshasa
Corée du Sud, South Korea | Séoul, Seoul
Corée du Nord, North Korea | Pyongyang
Côte d'Ivoire, Ivory Coast | Yamoussoukro, Abidjan
Danemark, Denmark | Copenhague, Copenhagen
Égypte, Egypt | Le Caire, Cairo
Espagne, Spain | Madrid
États-Unis, Etats-Unis, USA, United States | Washington
Éthiopie, Ethiopia | Addis-Abeba, Addis Ababa
Finlande, Finland | Helsinki
France | Paris
Gabon | Libreville
Ghana | Accra
Grèce, Greece | Athènes, Athens
Guinée, Guinea | Conakry
Hongrie, Hungary | Budapest
Inde, India | New Delhi
Indonésie, Indonesia | Jakarta
Irak, Iraq | Bagdad, Baghdad
Iran | Téhéran, Tehran
Irlande, Ireland | Dublin
Israël, Israel | Jérusalem, Jerusalem
Italie, Italy | Rome
Japon, Japan | Tokyo
Kenya | Nairobi
Liban, Lebanon | Beyrouth, Beirut
Libye, Libya | Tripoli
Madagascar | Antananarivo
Mali | Bamako
Maroc, Morocco | Rabat
Mauritanie, Mauritania | Nouakchott
Mexique, Mexico | Mexico City
Niger | Niamey
Nigeria | Abuja
Norvège, Norway | Oslo
Pakistan | Islamabad
Pays-Bas, Netherlands | Amsterdam, La Haye, The Hague
Pologne, Poland | Varsovie, Warsaw
Portugal | Lisbonne, Lisbon
Qatar | Doha
Royaume-Uni, United Kingdom, UK, Grande-Bretagne, Britain | Londres, London
Russie, Russia | Moscou, Moscow
Rwanda | Kigali
Sénégal, Senegal | Dakar
Soudan, Sudan | Khartoum
Suède, Sweden | Stockholm
Suisse, Switzerland | Berne, Bern
Syrie, Syria | Damas, Damascus
Tchad, Chad | N'Djamena
Togo | Lomé
Tunisie, Tunisia | Tunis
Turquie, Turkey | Ankara
Ukraine | Kiev, Kyiv, Kiev
Venezuela | Caracas
Vietnam, Viêt Nam | Hanoï, Hanoi
"""

_REGIONS = """
Afrique, Africa, Europe, Asie, Asia, Amérique, America, Amérique latine, Latin America, Océanie,
Moyen-Orient, Middle East, Proche-Orient, Maghreb, Sahel, Afrique de l'Ouest, West Africa,
Afrique du Nord, North Africa, Afrique centrale, Afrique de l'Est, Golfe, Gaza, Cisjordanie,
West Bank, Crimée, Crimea, Donbass, Kurdistan, Darfour, Darfur, Amérique du Nord, Amérique du Sud
"""


def names() -> list[str]:
    """Every name of the table as written (for finding them in a text)."""
    out = []
    for line in _TABLE.strip().splitlines():
        out += [n.strip() for n in line.replace("|", ",").split(",") if n.strip()]
    return out + [r.strip() for r in _REGIONS.replace("\n", " ").split(",") if r.strip()]


def _load() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    countries: dict[str, str] = {}  # folded name -> the country's first name
    capitals: dict[str, str] = {}  # folded capital -> the country's first name
    for line in _TABLE.strip().splitlines():
        names, _, towns = line.partition("|")
        country = [n.strip() for n in names.split(",")]
        for name in country:
            countries[fold(name)] = country[0]
        for town in towns.split(","):
            capitals[fold(town.strip())] = country[0]
    regions = frozenset(fold(r.strip()) for r in _REGIONS.replace("\n", " ").split(",") if r.strip())
    return countries, capitals, regions


COUNTRIES, CAPITALS, REGIONS = _load()


def is_place(name: str) -> bool:
    key = fold(name)
    return key in COUNTRIES or key in CAPITALS or key in REGIONS


def country_of_capital(name: str) -> str | None:
    return CAPITALS.get(fold(name))
