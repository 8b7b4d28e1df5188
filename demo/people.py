"""Demo members and logins.

Every name is made up, except the police director, who signs the published plan. E-mail
addresses use the reserved example.dk domain; only lokalråd members have one, because the portal
uses it for reporting reminders and nothing else.
"""

from dataclasses import dataclass

from base.text import danish_slugify

from . import content, east_jutland

POLICE = "Syd- og Sønderjyllands Politi"

# The kredsråd: the police director (chair), the eight mayors, the secretariat head (secretary).
# As many plans do, some seats are given by their function alone (no name: None).
DISTRICT_COUNCIL_MEMBERS = [
    ("Jørgen Meyer", "chair", "politidirektør", POLICE),
    ("Inger Marie Thygesen", "vice_chair", "borgmester", "Sønderborg Kommune"),
    ("Karsten Bundgaard", "member", "borgmester", "Esbjerg Kommune"),
    (None, "member", "borgmester", "Fanø Kommune"),
    ("Mogens Brix", "member", "borgmester", "Haderslev Kommune"),
    (None, "member", "borgmester", "Tønder Kommune"),
    ("Susanne Kirk", "member", "borgmester", "Varde Kommune"),
    (None, "member", "borgmester", "Vejen Kommune"),
    ("Anne-Mette Skov", "member", "borgmester", "Aabenraa Kommune"),
    ("Helle Bruun Sørensen", "secretary", "sekretariatschef", POLICE),
    (None, "observer", "områdechef", "Kriminalforsorgen Syd"),
]

KREDSRAAD_DESCRIPTION = (
    "Politidirektøren er formand, og borgmestrene fra kredsens otte kommuner er medlemmer. "
    "Rådet mødes fire gange om året og fastlægger retningen for det forebyggende arbejde. "
    "Kriminalforsorgen deltager som gæst."
)

# A lokalråd+ under Esbjerg's lokalråd, described by the functions that sit in it.
LOCAL_PLUS = {
    "parent": "esbjerg",
    "slug": "esbjerg-oest-netvaerk",
    "name": "Lokalråd+ Esbjerg Øst",
    "description": (
        "Netværket i bydelen Øst: skoler, fritidsklubber og boligforeninger mødes med "
        "nærpolitiet hver anden måned om unges trivsel og tryghed i området."
    ),
    "members": [
        ("chair", "nærpolitibetjent", POLICE),
        ("member", "skoleleder", "Esbjerg Kommune"),
        ("member", "klubleder", "Esbjerg Kommune"),
        ("member", "boligsocial koordinator", "Boligforeningen i Øst"),
    ],
}

# The secretariat's staff functions, with one task a line.
STAFF_FUNCTIONS = [
    (
        "Ledelsessekretariatet",
        "Forbereder og indkalder til kredsrådets møder\n"
        "Skriver udkast til samarbejdsplanen og dens revisioner\n"
        "Holder årshjulet ajour",
    ),
    (
        "Kriminalpræventivt sekretariat",
        "Leder statusrunderne og samler statusrapporten\n"
        "Holder oversigten over samarbejdsfora ajour\n"
        "Støtter lokalrådene i deres handleplaner",
    ),
]

# Two lokalråd, by council slug. The last item names the demo login linked to the person.
LOCAL_COUNCIL_MEMBERS = {
    "esbjerg": [
        ("Claus Riis", "chair", "politiinspektør, leder af område Nordvest", POLICE, None),
        (
            "Mette Lykke Andersen",
            "secretary",
            "kriminalpræventiv koordinator",
            "Esbjerg Kommune",
            "esbjerg-sekretaer",
        ),
        ("Jens Ole Kragh", "member", "vicepolitiinspektør, lokalpolitiet Esbjerg", POLICE, None),
        ("Sanne Frost", "member", "forebyggelsesmedarbejder", POLICE, None),
        ("Anders Bech Nielsen", "member", "direktør for Børn & Kultur", "Esbjerg Kommune", None),
        ("Rikke Laursen", "member", "SSP-konsulent", "Esbjerg Kommune", "esbjerg-medlem"),
    ],
    "toender": [
        ("Torben Hald", "chair", "politiinspektør, leder af område Syd", POLICE, None),
        ("Kirsten Møller Jepsen", "secretary", "sekretær, lokalpolitiet Tønder", POLICE, None),
        ("Niels Peter Brodersen", "member", "skolechef", "Tønder Kommune", "toender-medlem"),
        ("Lene Schmidt", "member", "SSP-koordinator", "Tønder Kommune", None),
        ("Bo Carstensen", "member", "politikommissær, lokalpolitiet Tønder", POLICE, None),
    ],
}


SUPERUSER, SECRETARIAT, MEMBER = "superuser", "secretariat", "member"
MEMBER_SIGN_IN = "/konto/log-ind/"
ADMIN_SIGN_IN = "/admin/"


@dataclass(frozen=True)
class DemoLogin:
    """One demo account: its role, how it signs in, and the password the demo gives it."""

    kind: str  # SUPERUSER, SECRETARIAT or MEMBER (a member is linked to a person above)
    username: str
    password: str
    role: str
    first_name: str
    last_name: str
    district: str = ""  # the slug of a secretariat login's district; "" for the others

    @property
    def email(self) -> str:
        return f"{self.username}@example.dk"

    @property
    def sign_in_path(self) -> str:
        return MEMBER_SIGN_IN if self.kind == MEMBER else ADMIN_SIGN_IN


SUPERUSER, SECRETARIAT, MEMBER = "superuser", "secretariat", "member"
MEMBER_SIGN_IN = "/konto/log-ind/"
ADMIN_SIGN_IN = "/admin/"

# One login per role. The passwords are public (printed by load_demo), so the command refuses to
# run without DEBUG unless told the server is a demo server.
DEMO_LOGINS = (
    DemoLogin(
        kind=SUPERUSER,
        username="admin",
        password="Landsadmin-Demo-2017",
        role="Landsadministrator",
        first_name="Demo",
        last_name="Administrator",
    ),
    DemoLogin(
        kind=SECRETARIAT,
        username="sekretariat",
        password="Aarshjul-Syd-2017",
        role="Sekretariat, Syd- og Sønderjyllands Politi",
        first_name="Ulla",
        last_name="Kjær",
        district=content.DISTRICT_SLUG,
    ),
    DemoLogin(
        kind=MEMBER,
        username="esbjerg-sekretaer",
        password="Vadehavet-Demo-2017",
        role="Sekretær, Lokalråd Esbjerg",
        first_name="Mette Lykke",
        last_name="Andersen",
    ),
    DemoLogin(
        kind=MEMBER,
        username="esbjerg-medlem",
        password="Fiskerihavn-Demo-2017",
        role="Medlem, Lokalråd Esbjerg",
        first_name="Rikke",
        last_name="Laursen",
    ),
    DemoLogin(
        kind=MEMBER,
        username="toender-medlem",
        password="Marsken-Demo-2017",
        role="Medlem, Lokalråd Tønder",
        first_name="Niels Peter",
        last_name="Brodersen",
    ),
    # The second demo district, Østjyllands Politi (demo/east_jutland.py).
    DemoLogin(
        kind=SECRETARIAT,
        username="sekretariat-oest",
        password="Molsbjerge-Demo-2024",
        role="Sekretariat, Østjyllands Politi",
        first_name="Jonas",
        last_name="Winther",
        district=east_jutland.DISTRICT_SLUG,
    ),
    DemoLogin(
        kind=MEMBER,
        username="randers-medlem",
        password="Gudenaaen-Demo-2024",
        role="Medlem, Lokalråd Randers",
        first_name="Sofie",
        last_name="Dalgaard",
    ),
)

LOGINS_BY_USERNAME = {login.username: login for login in DEMO_LOGINS}


def person_email(name: str) -> str:
    """A made-up work address on the reserved example.dk domain: "Mette Lykke Andersen" →
    "mette.andersen@example.dk"."""
    parts = name.split()
    return f"{danish_slugify(parts[0])}.{danish_slugify(parts[-1])}@example.dk"
