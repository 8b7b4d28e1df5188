"""The demo's status history: two reporting rounds in 2017 and what each lokalråd reported.

The status of an (activity, lokalråd) pair is drawn from a random generator seeded with the pair
and the round, so every load gives the same history. December follows on from June: what was
done stays done, what was under way is mostly finished. Texts are short, public and say nothing
about individual citizens; a few updates carry an internal note.
"""

import random

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DONE = "done"
POSTPONED = "postponed"
CANCELLED = "cancelled"

# Rounds in order. `reporters` maps a lokalråd slug to the date it reported and, for a lokalråd
# that reported only part of its assignments, the focus areas it covered. The kredsråd's
# district-level activities are reported by the secretariat on `secretariat_date`.
ROUNDS = [
    {
        "key": "juni",
        "name": "Status juni 2017",
        "opened_on": (2017, 5, 8),
        "deadline": (2017, 5, 31),
        "closed_at": (2017, 6, 2, 12, 0),
        "secretariat_date": (2017, 5, 31),
        "reporters": {
            "varde": {"date": (2017, 5, 19)},
            "haderslev": {"date": (2017, 5, 24)},
            "vejen": {"date": (2017, 5, 26)},
            "esbjerg": {"date": (2017, 5, 29), "author": "esbjerg-sekretaer"},
            "soenderborg": {"date": (2017, 5, 30)},
            "toender": {"date": (2017, 5, 31), "author": "toender-medlem"},
            "aabenraa": {"date": (2017, 5, 31)},
        },
    },
    {
        "key": "december",
        "name": "Status december 2017",
        "opened_on": (2017, 11, 6),
        "deadline": (2017, 11, 30),
        "closed_at": None,
        "secretariat_date": (2017, 11, 29),
        "reporters": {
            "soenderborg": {"date": (2017, 11, 20)},
            "varde": {"date": (2017, 11, 24)},
            "esbjerg": {"date": (2017, 11, 27), "author": "esbjerg-medlem"},
            "haderslev": {"date": (2017, 11, 28), "focus_areas": ("boern", "trafik", "indbrud")},
        },
    },
]

# Between the rounds, Esbjerg reports its local campaign as soon as it has run.
EXTRA_UPDATES = [
    {
        "council": "esbjerg",
        "activity": "esbjerg-kampagne",
        "status": DONE,
        "public_text": (
            "Kampagnen kørte i september og oktober på lokalrådets og skolernes Facebook-sider."
        ),
        "internal_note": "Skolerne vil gerne være med igen til foråret.",
        "date": (2017, 10, 30),
        "author": "esbjerg-sekretaer",
    },
]

# How a status moves from one round to the next: weights per next status.
FIRST_ROUND = {NOT_STARTED: 3, IN_PROGRESS: 5, DONE: 1.5, POSTPONED: 0.5}
NEXT_ROUND = {
    NOT_STARTED: {NOT_STARTED: 2, IN_PROGRESS: 5, DONE: 1.5, POSTPONED: 1.5},
    IN_PROGRESS: {IN_PROGRESS: 4.5, DONE: 5, POSTPONED: 0.5},
    POSTPONED: {POSTPONED: 5, IN_PROGRESS: 5},
    DONE: {DONE: 1},
    CANCELLED: {CANCELLED: 1},
}
# Activities that only start in 2018 are not started in June, and at most under way in December.
STARTS_2018_FIRST = {NOT_STARTED: 1}
STARTS_2018_NEXT = {NOT_STARTED: 6, IN_PROGRESS: 4}

# Per activity: for each status a text for June and one for December ({kommune} is filled in).
TEXTS = {
    "boern-fokus": {
        NOT_STARTED: (
            "Emnet kommer på lokalrådets dagsorden efter sommerferien.",
            "Emnet står på dagsordenen for lokalrådets første møde i 2018.",
        ),
        IN_PROGRESS: (
            "Overgreb mod børn er nu et fast punkt på lokalrådets møder.",
            "Skoler og dagtilbud i {kommune} Kommune har fået en gennemgang af, hvad de gør ved "
            "mistanke.",
        ),
        DONE: "Alle skoler og dagtilbud i {kommune} Kommune har drøftet, hvordan de handler ved "
        "mistanke om overgreb.",
        POSTPONED: (
            "Udskudt, så lokalrådet først kan indføre vejledningen til fagfolk.",
            "Fortsat udskudt; lokalrådet tager emnet op igen i foråret 2018.",
        ),
    },
    "boern-revselsesret": {
        NOT_STARTED: (
            "SSP planlægger et forløb for skolernes 6. klasser efter sommerferien.",
            "Forløbet er planlagt til skolerne i februar 2018.",
        ),
        IN_PROGRESS: (
            "SSP har talt om børns rettigheder på to forældremøder.",
            "Emnet indgår nu i velkomstmøderne for nye borgere i {kommune} Kommune.",
        ),
        DONE: "SSP har undervist alle 6. klasser, og emnet indgår i velkomstmøderne for nye "
        "borgere.",
        POSTPONED: (
            "Udskudt, fordi SSP mangler en medarbejder.",
            "Fortsat udskudt; SSP er først fuldt bemandet igen i 2018.",
        ),
    },
    "boern-vejledning": {
        NOT_STARTED: (
            "Vejledningen er sendt til forvaltningen, som planlægger undervisningen.",
            "Undervisningen af fagfolk begynder i januar 2018.",
        ),
        IN_PROGRESS: (
            "Første hold fagfolk fra skole og dagtilbud er undervist i vejledningen.",
            "Tre ud af fire forvaltninger har nu taget vejledningen i brug.",
        ),
        DONE: "Vejledningen bruges nu i alle relevante forvaltninger i {kommune} Kommune.",
        POSTPONED: (
            "Udskudt på grund af en omlægning i forvaltningen.",
            "Fortsat udskudt; forvaltningen tager stilling i januar.",
        ),
    },
    "trafik-planer": {
        NOT_STARTED: (
            "Lokalrådet har bedt vejafdelingen om kommunens trafiksikkerhedsplan.",
            "Vejafdelingen deltager i lokalrådets møde i januar.",
        ),
        IN_PROGRESS: (
            "Vejafdelingen og politiet har gennemgået færdselsanalysen sammen.",
            "To strækninger fra trafiksikkerhedsplanen får ekstra kontrol og ny skiltning.",
        ),
        DONE: "Trafiksikkerhedsplanen og færdselsanalysen bruges nu sammen, når lokalrådet "
        "vælger indsatser.",
        POSTPONED: (
            "Udskudt, til kommunens nye trafiksikkerhedsplan er vedtaget.",
            "Fortsat udskudt; den nye trafiksikkerhedsplan er forsinket.",
        ),
    },
    "trafik-foraeldre": {
        NOT_STARTED: (
            "Kampagnen planlægges sammen med de lokale køreskoler.",
            "Køreskolerne er med; kampagnen begynder i foråret 2018.",
        ),
        IN_PROGRESS: (
            "Plakater og opslag til forældre er lavet sammen med køreskolerne.",
            "Kampagnen kører på kommunens Facebook-side og på forældremøder i 9. klasse.",
        ),
        DONE: "Kampagnen om forældre som forbilleder er gennemført på skoler og sociale medier.",
        POSTPONED: (
            "Udskudt, så kampagnen kan følge en kommende landsdækkende kampagne.",
            "Fortsat udskudt til foråret 2018.",
        ),
    },
    "indbrud-nabohjaelp": {
        NOT_STARTED: (
            "Et borgermøde om nabohjælp planlægges i et indbrudsudsat villakvarter.",
            "Borgermødet er fastsat til februar 2018.",
        ),
        IN_PROGRESS: (
            "Der er holdt et borgermøde om nabohjælp med omkring 80 deltagere.",
            "Endnu et borgermøde er holdt, og grundejerforeningerne deler nu budskaberne.",
        ),
        DONE: "Der er holdt to borgermøder om nabohjælp i de mest indbrudsudsatte områder.",
        POSTPONED: (
            "Borgermødet er udskudt til et tidspunkt, hvor flere kan deltage.",
            "Fortsat udskudt; lokalrådet mangler en lokal samarbejdspartner.",
        ),
    },
    "indbrud-skoler": {
        NOT_STARTED: (
            "Ungdomsuddannelserne får tilbuddet efter sommerferien.",
            "Tilbuddet er sendt; lokalrådet venter på svar fra skolerne.",
        ),
        IN_PROGRESS: (
            "To skoler har sagt ja til et temaforløb om kriminalitet og hæleri.",
            "Temaforløbet er holdt på én ungdomsuddannelse; to skoler følger i foråret.",
        ),
        DONE: "Temaforløb om kriminalitet og hæleri er holdt på kommunens ungdomsuddannelser.",
        POSTPONED: (
            "Udskudt, fordi skolerne allerede har planlagt skoleåret.",
            "Fortsat udskudt til næste skoleår.",
        ),
    },
    "indbrud-haeleri": {
        NOT_STARTED: (
            "Kommunikationsafdelingen skriver tekster til hjemmesiden i efteråret.",
            "Teksterne er skrevet og lægges på hjemmesiden i januar.",
        ),
        IN_PROGRESS: (
            "Budskaber om hæleri er delt på kommunens Facebook-side.",
            "Kommunens hjemmeside har nu en side om hæleri med råd til forældre.",
        ),
        DONE: "Budskaberne om hæleri ligger på kommunens hjemmeside og er delt på sociale medier.",
        POSTPONED: (
            "Udskudt, til kommunens nye hjemmeside er i luften.",
            "Fortsat udskudt; den nye hjemmeside er forsinket.",
        ),
    },
    "cyber-undervisning": {
        NOT_STARTED: (
            "SSP tilpasser undervisningsmaterialet til kommunens skoler.",
            "Materialet er klar; undervisningen begynder i januar.",
        ),
        IN_PROGRESS: (
            "SSP har undervist 7. klasserne på fire skoler i klog adfærd på nettet.",
            "Forløbet er nu tilbudt alle skoler, og halvdelen har taget imod det.",
        ),
        DONE: "Alle skoler i {kommune} Kommune har haft forløbet om klog adfærd på nettet.",
        POSTPONED: (
            "Udskudt, mens materialet opdateres efter regeringens nye udspil.",
            "Fortsat udskudt; det nye materiale ventes til foråret.",
        ),
    },
    "cyber-virksomheder": {
        NOT_STARTED: (
            "Lokalrådet kontakter erhvervsrådet om et møde for virksomheder.",
            "Mødet med erhvervsrådet er aftalt til januar.",
        ),
        IN_PROGRESS: (
            "Første forebyggelsesmøde for virksomheder er holdt sammen med erhvervsrådet.",
            "Endnu et møde er holdt; virksomhederne har fået politiets tjekliste om it-sikkerhed.",
        ),
        DONE: "Forebyggelsesmøder for virksomheder er holdt sammen med det lokale erhvervsråd.",
        POSTPONED: (
            "Udskudt, så mødet kan holdes sammen med erhvervsrådets årsmøde.",
            "Fortsat udskudt til erhvervsrådets årsmøde i 2018.",
        ),
    },
    "vold-nattelivet": {
        NOT_STARTED: (
            "Lokalrådet samler restauratører og politi til et møde om nattelivet.",
            "Mødet med restauratørerne er aftalt til januar.",
        ),
        IN_PROGRESS: (
            "Politi og kommune har aftalt fast kontakt med restauratørerne i bymidten.",
            "Flere patruljer i weekenden og flere dørmænd har givet færre uroligheder.",
        ),
        DONE: "Politi, kommune og restauratører holder nu faste møder om nattelivet.",
        POSTPONED: (
            "Udskudt, fordi politiet har måttet flytte folk til grænsekontrollen.",
            "Fortsat udskudt på grund af politiets opgaver ved grænsen.",
        ),
    },
    "vold-husspektakler": {
        NOT_STARTED: (
            "Arbejdet begynder i 2018 som planlagt.",
            "En arbejdsgruppe forbereder konceptet; arbejdet begynder i januar.",
        ),
        IN_PROGRESS: (
            "Lokalrådet har sendt sine erfaringer til arbejdsgruppen.",
            "Lokalrådet har bidraget med erfaringer til det fælles koncept.",
        ),
        DONE: "Lokalrådet har godkendt det fælles koncept.",
        POSTPONED: (
            "Udskudt til 2018.",
            "Fortsat udskudt, til arbejdsgruppen er nedsat.",
        ),
    },
    "vold-byplan": {
        NOT_STARTED: (
            "Planafdelingen er inviteret til lokalrådets næste møde.",
            "Planafdelingen deltager i lokalrådets møde i februar.",
        ),
        IN_PROGRESS: (
            "Politiet bliver nu hørt, når kommunen laver lokalplaner for nye boligområder.",
            "Tryghed indgår i planerne for den nye bypark; politiet har rådgivet om lys og stier.",
        ),
        DONE: "Forebyggelse står nu i kommunens tjekliste for nye lokalplaner.",
        POSTPONED: (
            "Udskudt, til kommuneplanen skal revideres.",
            "Fortsat udskudt til revisionen af kommuneplanen.",
        ),
    },
    "naermiljoe-tiltag": {
        NOT_STARTED: (
            "Lokalrådet udpeger et boligområde efter sommerferien.",
            "Boligområdet er valgt; tiltagene begynder til foråret.",
        ),
        IN_PROGRESS: (
            "Der er sat bedre lys op og fjernet graffiti i et udvalgt boligområde.",
            "Beboerforeningen og politiet går nu tryghedsvandringer sammen hver måned.",
        ),
        DONE: "Tryghedsvandring, bedre lys og hurtig fjernelse af graffiti er gennemført i det "
        "udvalgte område.",
        POSTPONED: (
            "Udskudt, mens boligforeningen renoverer området.",
            "Fortsat udskudt; renoveringen slutter i 2018.",
        ),
    },
    "naermiljoe-unge": {
        NOT_STARTED: (
            "SSP og politiet aftaler en fælles fremgangsmåde efter sommerferien.",
            "Fremgangsmåden er aftalt og tages i brug i januar.",
        ),
        IN_PROGRESS: (
            "SSP og politiet følger op sammen, når unge skaber utryghed i nærmiljøet.",
            "Gadeplansmedarbejdere er i området fredag og lørdag aften, og henvendelserne er "
            "faldet.",
        ),
        DONE: "SSP, gadeplan og politi har en fast fremgangsmåde og reagerer i samme uge.",
        POSTPONED: (
            "Udskudt, mens gadeplansteamet bliver omorganiseret.",
            "Fortsat udskudt, til gadeplansteamet er på plads.",
        ),
    },
    "naermiljoe-faellesskaber": {
        NOT_STARTED: (
            "Lokalrådet kontakter foreninger og boligsociale medarbejdere i efteråret.",
            "Første møde med foreningerne er aftalt til februar.",
        ),
        IN_PROGRESS: (
            "Fædregruppen og boligforeningen er med i et nyt netværk om tryghed.",
            "Netværket har holdt et arrangement om positive fællesskaber med 120 deltagere.",
        ),
        DONE: "Netværket om fællesskaber og forebyggelse af radikalisering mødes nu fast.",
        POSTPONED: (
            "Udskudt, mens kommunen ansætter en ny koordinator for radikalisering.",
            "Fortsat udskudt, til den nye koordinator er ansat.",
        ),
    },
    "esbjerg-kampagne": {
        NOT_STARTED: (
            "Kampagnen planlægges til efteråret sammen med ungdomsuddannelserne.",
            "Kampagnen planlægges til foråret 2018.",
        ),
        IN_PROGRESS: (
            "Opslag og korte film er under produktion sammen med eleverne.",
            "Kampagnen kører nu på lokalrådets og skolernes Facebook-sider.",
        ),
        DONE: "Kampagnen har kørt på lokalrådets og skolernes Facebook-sider.",
        POSTPONED: (
            "Udskudt, til skolerne har tid efter eksamen.",
            "Fortsat udskudt til foråret 2018.",
        ),
    },
}

# When something already done is reported again in a later round.
DONE_AGAIN = (
    "Fortsat gennemført; intet nyt siden sidste status.",
    "Gennemført. Erfaringerne er delt med de øvrige lokalråd.",
)

# Fixed statuses that make the demo tell a story: (round, lokalråd, activity).
OVERRIDES = {
    ("juni", "esbjerg", "indbrud-haeleri"): (
        DONE,
        "Kampagnen »Stop E-hæleri« har kørt på Facebook, og budskaberne ligger på kommunens "
        "hjemmeside.",
        "Materialet er delt med de andre lokalråd.",
    ),
    ("juni", "esbjerg", "esbjerg-kampagne"): (
        NOT_STARTED,
        "Kampagnen planlægges til efteråret sammen med ungdomsuddannelserne.",
        "",
    ),
    ("december", "varde", "cyber-virksomheder"): (
        CANCELLED,
        "Aflyst lokalt; erhvervsrådet holder i stedet ét fælles møde for hele kredsen i 2018.",
        "Aftalt med erhvervsrådets direktør.",
    ),
}

# District-level activities, held by the kredsråd and reported by the secretariat.
DISTRICT_UPDATES = {
    "boern-temamoede": {
        "juni": (DONE, "Temamødet blev holdt i maj 2017 og handlede især om vold i hjemmet.", ""),
    },
    "boern-kampagne": {
        "juni": (
            IN_PROGRESS,
            "Kampagnen deles på kommunernes og politiets hjemmesider og sociale medier.",
            "",
        ),
        "december": (DONE, "Alle otte kommuner og politiet har deltaget i kampagnen.", ""),
    },
    "trafik-skadestue": {
        "juni": (
            IN_PROGRESS,
            "Registreringen på skadestuerne er i gang.",
            "Aftalen med regionen om udveksling af tal er underskrevet.",
        ),
        "december": (
            IN_PROGRESS,
            "De første tal er sendt til kommunernes vejafdelinger; forsøget løber 2018 ud.",
            "",
        ),
    },
    "indbrud-sikring": {
        "juni": (NOT_STARTED, "Kredsrådet drøfter indsatsen på mødet i juni.", ""),
        "december": (
            IN_PROGRESS,
            "Politiets sikringsrådgivere har holdt oplæg på borgermøder i fem kommuner.",
            "",
        ),
    },
    "cyber-workshop": {
        "juni": (POSTPONED, "Workshoppen holdes i 2018, efter at den første blev aflyst.", ""),
        "december": (
            IN_PROGRESS,
            "Planlægningen er i gang; workshoppen holdes i Sønderborg i foråret 2018.",
            "Spørg erhvervsakademiet om lokaler.",
        ),
    },
    "cyber-video": {
        "juni": (IN_PROGRESS, "Manuskripterne til tre korte videoer er skrevet.", ""),
        "december": (
            DONE,
            "Videoerne ligger på politiets og kommunernes hjemmesider og Facebook-sider.",
            "",
        ),
    },
    "cyber-beviser": {
        "juni": (
            IN_PROGRESS,
            "Medarbejdere er udpeget til uddannelse i sikring af digitale beviser.",
            "",
        ),
        "december": (IN_PROGRESS, "Første hold er uddannet; andet hold følger i foråret 2018.", ""),
    },
}

# Internal notes: practical matters for the council and the secretariat only.
INTERNAL_NOTES = (
    "Drøftes igen på næste lokalrådsmøde.",
    "Afventer svar fra skoleforvaltningen om datoer.",
    "Budgettet er endnu ikke afklaret med kommunen.",
    "Ny kontaktperson i kommunen; sekretæren har sendt materialet videre.",
    "Politiets forebyggelsesmedarbejder deltager fra næste møde.",
    "Lokalrådet mangler et mødelokale; biblioteket er spurgt.",
)
INTERNAL_NOTE_SHARE = 0.2


def _rng(*parts: str) -> random.Random:
    return random.Random("|".join(parts))


def choose_status(
    *, activity_key: str, timing: str, council_slug: str, round_index: int, previous: str | None
) -> str:
    """The status a lokalråd reports on an activity in a round, given what it reported before."""
    rng = _rng(activity_key, council_slug, str(round_index), "status")
    starts_2018 = timing.strip() == "2018"
    if previous is None:
        weights = STARTS_2018_FIRST if starts_2018 else FIRST_ROUND
    elif starts_2018 and previous == NOT_STARTED:
        weights = STARTS_2018_NEXT
    else:
        weights = NEXT_ROUND[previous]
    statuses = list(weights)
    return rng.choices(statuses, weights=[weights[s] for s in statuses])[0]


def public_text(*, activity_key: str, status: str, previous: str | None, round_index: int) -> str:
    """The public text for a status; "{kommune}" is left for the caller to fill in."""
    if status == DONE and previous == DONE:
        return _rng(activity_key, str(round_index), "again").choice(DONE_AGAIN)
    text = TEXTS[activity_key][status]
    if isinstance(text, tuple):
        # The second text of a pair follows on from the first: "Fortsat udskudt …" only after
        # an earlier postponement, the later progress text only in a later round.
        follows_on = previous == status if status == POSTPONED else round_index > 0
        text = text[1 if follows_on else 0]
    return text


def internal_note(*, activity_key: str, status: str, council_slug: str, round_index: int) -> str:
    """Now and then a practical note on work that is not finished."""
    if status in (DONE, CANCELLED):
        return ""
    rng = _rng(activity_key, council_slug, str(round_index), "note")
    if rng.random() < INTERNAL_NOTE_SHARE:
        return rng.choice(INTERNAL_NOTES)
    return ""
