"""The second demo district: Østjyllands Politi and its "Samarbejdsplan 2024-2026".

Its plan uses every part a samarbejdsplan may have that the Syd- og Sønderjylland plan does
not: a nested outline, a ranked national group, a local area shared by two lokalråd, a kredsråd
given by function only, police units and single kommuner as actors, a lokalråd+ carrying an
activity, an undated yearly meeting, and a history with a revision in 2025. The kommuner are
the district's real ones; every name of a person is made up, and every text is written for the
demo. Rich-text values stay within the editor's allowlist (h3, p, ul/li, strong, em).
"""

DISTRICT_SLUG = "oestjyllands-politi"
POLICE = "Østjyllands Politi"

# --- Organisation ------------------------------------------------------------------------------

# The kredsråd as the plan gives it: by function, no names. (role, function, organisation)
DISTRICT_COUNCIL_SEATS = [
    ("chair", "politidirektøren", POLICE),
    ("vice_chair", "borgmester", "Aarhus Kommune"),
    (
        "member",
        "borgmestrene i de øvrige seks kommuner",
        "Favrskov, Norddjurs, Odder, Randers, Samsø og Syddjurs Kommune",
    ),
    ("secretary", "chef for ledelsessekretariatet", POLICE),
    ("observer", "kommunaldirektørerne", "kredsens syv kommuner"),
]

# Descriptions the secretariat wrote for the district page, by council slug. Set only where a
# council has none, so a secretariat's own text is kept.
COUNCIL_DESCRIPTIONS = {
    "kredsraadet": (
        "Politidirektøren leder kredsrådet, og borgmesteren i Aarhus er næstformand. Rådet "
        "samler kredsens syv borgmestre to gange om året og vælger de områder, som politi og "
        "kommuner prioriterer sammen."
    ),
    "aarhus": (
        "Lokalrådet dækker Aarhus Kommune og mødes hver måned. Under rådet arbejder et "
        "lokalråd+ i Gellerup og Toveshøj."
    ),
    "randers": (
        "Lokalrådet for Randers Kommune følger især nattelivet i midtbyen og unge i "
        "risiko for at blive hvervet til kriminelle grupper."
    ),
    "norddjurs": "Lokalrådet deler sit sommerindsatsområde med Syddjurs.",
    "syddjurs": "Lokalrådet arbejder tæt sammen med Norddjurs om sommerens gæster på Djursland.",
}

# A lokalråd+ under Aarhus's lokalråd, described by the functions that sit in it.
LOCAL_PLUS = {
    "parent": "aarhus",
    "slug": "gellerup-toveshoej",
    "name": "Lokalråd+ Gellerup og Toveshøj",
    "description": (
        "Boligforeningen, skolerne, fritidsklubben og nærpolitiet mødes hver sjette uge og "
        "aftaler, hvordan de sammen holder gaderne trygge om aftenen."
    ),
    "members": [
        ("chair", "områdeleder, nærpolitiet", POLICE),
        ("member", "skoleleder", "Aarhus Kommune"),
        ("member", "klubleder", "Aarhus Kommune"),
        ("member", "boligsocial leder", "Brabrand Boligforening"),
    ],
}

# Lokalråd Randers, with the person behind the demo login `randers-medlem`.
# (name or None for a seat given by function, role, title, organisation, username)
LOCAL_COUNCIL_MEMBERS = {
    "randers": [
        (None, "chair", "lokalpolitileder", POLICE, None),
        ("Kasper Holm", "secretary", "kriminalpræventiv konsulent", "Randers Kommune", None),
        ("Sofie Dalgaard", "member", "SSP-koordinator", "Randers Kommune", "randers-medlem"),
        (None, "member", "chef for Børn og Skole", "Randers Kommune", None),
    ],
}

STAFF_FUNCTIONS = [
    (
        "Ledelsessekretariatet",
        "Indkalder til kredsrådets møder og skriver referatet\n"
        "Redigerer samarbejdsplanen og dens revisioner",
    ),
    (
        "Forebyggelsesafdelingen",
        "Støtter lokalrådene med analyser af kriminaliteten\n"
        "Samler lokalrådenes status hvert efterår",
    ),
]

# The forums the plan's activities and appendix refer to. Interfaces name other forums by slug
# ("forum:…") or councils ("council:<slug>").
FORUMS = [
    {
        "slug": "ssp-samraadet",
        "name": "SSP-samrådet i Østjylland",
        "kind": "ssp_samraad",
        "topic": "Fælles retning for SSP-arbejdet i kredsens syv kommuner.",
        "legal_basis": "Retsplejelovens § 115",
        "purpose": "At dele erfaringer og gøre SSP-indsatsen ens på tværs af kommunegrænser.",
        "action_plans": "En årlig fælles prioritering.",
        "interfaces": ["council:kredsraadet"],
        "interfaces_text": "Kredsrådet og lokalrådene.",
        "participants": "SSP-lederne fra kommunerne og politiets forebyggelsesafdeling.",
        "meetings_min": 4,
        "meetings_text": "Mindst 4",
    },
    {
        "slug": "psp",
        "name": "PSP Østjylland",
        "kind": "psp",
        "topic": "Borgere med psykiske vanskeligheder, der kommer i kontakt med politiet.",
        "legal_basis": "Retsplejelovens § 115",
        "purpose": "At skabe sammenhæng mellem psykiatri, kommune og politi.",
        "action_plans": "Ingen.",
        "interfaces": ["forum:ssp-samraadet"],
        "interfaces_text": "SSP-samrådet, når sagen angår unge.",
        "participants": "Regionspsykiatrien, kommunernes socialområde og politiet.",
        "meetings_min": 0,
        "meetings_text": "Efter behov",
    },
    {
        "slug": "ksp",
        "name": "KSP Østjylland",
        "kind": "ksp",
        "topic": "Løsladelse fra fængsel og anbringelse.",
        "legal_basis": "Retsplejelovens § 115",
        "purpose": "At planlægge tiden efter løsladelsen, så flere holder sig fra kriminalitet.",
        "action_plans": "Ingen.",
        "interfaces": ["council:kredsraadet"],
        "interfaces_text": "Lokalrådet i den kommune, borgeren flytter til.",
        "participants": "Kriminalforsorgen, kommunernes socialområde og politiet.",
        "meetings_min": 1,
        "meetings_text": "1-2",
    },
]

# --- The plan ----------------------------------------------------------------------------------

PLAN = {
    "title": "Samarbejdsplan",
    "subtitle": "Tryghed og forebyggelse i Østjylland",
    "issuer": "Kredsrådet for Østjyllands Politi",
    "period_start": 2024,
    "period_end": 2026,
    "signatory_name": "",
    "signatory_title": "",
    "contact_name": "Ledelsessekretariatet",
    "contact_email": "kredsraad.oestjylland@politi.example",
    "foreword": (
        "<p>Politiet og de syv kommuner i Østjylland har et fælles ansvar for, at borgerne "
        "føler sig trygge. Planen samler det arbejde, vi gør sammen i de tre år fra 2024.</p>"
        "<p>Rigspolitiet har udpeget tre nationale områder, som alle kredse prioriterer "
        "højest. Dem har vi sat først. Derefter følger det, vi som kreds vælger selv, og det, "
        "lokalrådene har valgt lokalt.</p>"
    ),
}

# The plan's own goals per party, in order: (party, text).
GOALS = [
    ("police", "dele kriminalitetsanalysen med lokalrådene hvert halve år"),
    ("police", "have en fast kontaktperson til hvert lokalråd"),
    ("municipalities", "lade SSP, skole og socialområde tage del i lokalrådenes arbejde"),
    ("municipalities", "tænke tryghed ind, når byen planlægges"),
    ("joint", "gøre status i kredsrådet hvert år i december"),
    ("joint", "fortælle borgerne, hvad vi har nået"),
]

# The outline: chapters with sub-sections (`children`, up to three levels), in document order.
# `focus_area_groups` names the groups a chapter holds (FOCUS_AREA_GROUPS below); `key` names a
# section for the figure and the revision.
OUTLINE = [
    {
        "key": "samarbejdet",
        "title": "Samarbejdet i Østjylland",
        "body": (
            "<p>Samarbejdet har tre niveauer: kredsrådet lægger linjen, lokalrådene omsætter den "
            "i hver kommune, og lokalråd+ arbejder helt tæt på et boligområde.</p>"
        ),
        "children": [
            {
                "key": "kredsraadet",
                "title": "Kredsrådet",
                "body": (
                    "<p>Kredsrådet består af politidirektøren, der er formand, og de syv "
                    "borgmestre. Kommunaldirektørerne deltager som gæster, og politiets "
                    "ledelsessekretariat er sekretær.</p>"
                ),
            },
            {
                "key": "lokalraadene",
                "title": "Lokalråd og lokalråd+",
                "body": (
                    "<p>Hver kommune har sit eget lokalråd med politiets lokale leder og "
                    "kommunens fagchefer. Norddjurs og Syddjurs deler et lokalt "
                    "indsatsområde.</p>"
                ),
                "children": [
                    {
                        "key": "lokalraad-plus",
                        "title": "Lokalråd+ i Gellerup og Toveshøj",
                        "body": (
                            "<p>Lokalråd+ hører under lokalrådet i Aarhus. Her sidder de, der "
                            "kender området bedst: boligforening, skoler, klub og "
                            "nærpoliti.</p>"
                        ),
                    },
                ],
            },
            {
                "key": "sekretariatet",
                "title": "Sekretariatet",
                "body": (
                    "<p>Ledelsessekretariatet og Forebyggelsesafdelingen deler opgaverne. "
                    "Deres opgaver står i bilaget om organisationen.</p>"
                ),
            },
        ],
    },
    {
        "key": "kriminalitet",
        "title": "Kriminalitetsbekæmpelse",
        "body": (
            "<p>Indsatsområderne står i tre grupper: de nationale i prioriteret rækkefølge, "
            "kredsens egne og de lokalt valgte. Under hvert område står, hvem der gør hvad, "
            "og hvornår.</p>"
        ),
        "focus_area_groups": ["nationale", "kredsen", "lokalt"],
    },
    {
        "key": "opfoelgning",
        "title": "Opfølgning og evaluering",
        "body": (
            "<p>Planen følges op i kredsrådet. Når noget ændrer sig undervejs, reviderer vi "
            "planen og markerer de ændrede afsnit.</p>"
        ),
        "children": [
            {
                "key": "statusrunder",
                "title": "Statusrunder",
                "body": (
                    "<p>Lokalrådene melder status hvert efterår. Forebyggelsesafdelingen samler "
                    "svarene til kredsrådets møde i december.</p>"
                ),
            },
        ],
    },
]

FIGURE = {
    "section": "samarbejdet",
    "levels": [
        ("Strategisk", "Kredsrådet", "Politidirektøren og syv borgmestre", "#dbe7f5"),
        ("Operationelt", "Lokalrådene", "Et lokalråd i hver af de syv kommuner", "#e3f1e3"),
        ("Taktisk", "Lokalråd+", "Gellerup og Toveshøj under Aarhus", "#fbeedd"),
    ],
    "alt_text": (
        "Diagram med tre kasser under hinanden. Øverst kredsrådet med politidirektøren og syv "
        "borgmestre. I midten lokalrådene, et i hver kommune. Nederst lokalråd+ i Gellerup og "
        "Toveshøj, som hører under lokalrådet i Aarhus."
    ),
    "caption": "Figur 1: Samarbejdets tre niveauer i Østjylland",
}

ATTACHMENT = {
    "title": "Kommissorium for lokalrådene i Østjylland",
    "body": (
        "<p>Kommissoriet gælder for alle syv lokalråd i kredsen.</p>"
        "<h2>Opgave</h2>"
        "<p>Lokalrådet omsætter kredsrådets indsatsområder til lokale aktiviteter og melder "
        "status hvert efterår.</p>"
        "<h2>Sammensætning</h2>"
        "<p>Politiets lokale leder er formand. Kommunen udpeger fagchefer fra skole, "
        "socialområde og SSP.</p>"
        "<h2>Møder</h2>"
        "<p>Lokalrådet mødes mindst fire gange om året.</p>"
    ),
}

# The plan's groups of focus areas, in order.
FOCUS_AREA_GROUPS = {
    "nationale": {
        "heading": "Nationale indsatsområder med højeste prioritet",
        "kind": "national",
        "ranked": True,
    },
    "kredsen": {
        "heading": "Kredsfælles indsatsområder",
        "kind": "district",
        "ranked": False,
    },
    "lokalt": {
        "heading": "Lokalt valgte indsatsområder",
        "kind": "local",
        "ranked": False,
    },
}

# Actors of an activity (one or more): "police" (with an optional `police_unit`), "kommune:<name>"
# for a kommune of the district, "district_council", "secretariat", "forum:<slug>", "all_local",
# and "council:<slug>" for a named lokalråd or lokalråd+.
FOCUS_AREAS = [
    {
        "key": "bander",
        "group": "nationale",
        "rank": 1,
        "title": "Unge i risiko for at blive hvervet af bander",
        "background": (
            "<p>Bander søger nye medlemmer blandt helt unge. Vi vil nå de unge, før de bliver "
            "en del af miljøet, og hjælpe dem, der vil ud.</p>"
        ),
        "ambition": "Vi vil bremse hvervningen af unge ved at …",
        "goals": [
            ("police", "opsøge unge, der ses sammen med bandemedlemmer"),
            ("municipalities", "tilbyde hver af dem en fast voksen at tale med"),
            ("joint", "holde et fælles møde om hver ung inden for to uger"),
        ],
        "activities": [
            {
                "key": "bander-samtaler",
                "text": "Holde bekymringssamtaler med unge og deres forældre.",
                "actors": ["police", "kommune:Aarhus", "kommune:Randers"],
                "police_unit": "Forebyggelsesafdelingen",
                "timing": "2024-2026",
            },
            {
                "key": "bander-exit",
                "text": "Tilbyde et exitforløb til unge, der vil ud af miljøet.",
                "actors": ["forum:ssp-samraadet"],
                "timing": "fra efteråret 2024",
            },
        ],
    },
    {
        "key": "digitalt",
        "group": "nationale",
        "rank": 2,
        "title": "Digitale krænkelser af børn og unge",
        "background": (
            "<p>Deling af nøgenbilleder og afpresning på nettet rammer stadig yngre børn. "
            "Børn skal vide, hvor de kan få hjælp.</p>"
        ),
        "ambition": "",
        "activities": [
            {
                "key": "digitalt-undervisning",
                "text": "Undervise alle 6. klasser i digital dannelse.",
                "actors": ["all_local"],
                "timing": "hvert skoleår",
            },
        ],
    },
    {
        "key": "svindel",
        "group": "nationale",
        "rank": 3,
        "title": "Svindel mod ældre",
        "background": (
            "<p>Falske opkald og beskeder koster hvert år ældre borgere store beløb. Mange "
            "anmelder det ikke.</p>"
        ),
        "ambition": "",
        "activities": [
            {
                "key": "svindel-moeder",
                "text": "Holde oplæg om svindel på plejecentre og i ældreklubber.",
                "actors": ["police", "kommune:Favrskov", "kommune:Odder", "kommune:Samsø"],
                "timing": "2025",
            },
        ],
    },
    {
        "key": "natteliv",
        "group": "kredsen",
        "title": "Tryghed i nattelivet",
        "background": (
            "<p>Aarhus og Randers har kredsens største natteliv. Vold og uro samler sig om få "
            "gader sent i weekenden.</p>"
        ),
        "ambition": "Vi vil gøre nattelivet trygt ved at …",
        "goals": [("joint", "halvere antallet af anmeldte voldssager i de udpegede gader")],
        "activities": [
            {
                "key": "natteliv-aftale",
                "text": "Indgå en fælles aftale om nattelivet med restauratørerne.",
                "actors": ["district_council"],
                "timing": "2024",
            },
            {
                "key": "natteliv-vandringer",
                "text": "Gå tryghedsvandringer i midtbyen med natteravne og politi.",
                "actors": ["council:aarhus", "council:randers"],
                "timing": "hver sommer",
            },
            {
                "key": "natteliv-gellerup",
                "text": "Holde klubben åben fredag aften og følge unge hjem.",
                "actors": ["council:gellerup-toveshoej"],
                "timing": "2025-2026",
            },
        ],
    },
    {
        "key": "djursland",
        "group": "lokalt",
        "councils": ["norddjurs", "syddjurs"],
        "title": "Sommer på Djursland",
        "background": (
            "<p>Om sommeren flerdobles antallet af gæster på Djursland. Lokalrådene i "
            "Norddjurs og Syddjurs har valgt området sammen.</p>"
        ),
        "ambition": "",
        "activities": [
            {
                "key": "djursland-beredskab",
                "text": "Aftale et fælles beredskab for festivaler og havnefester.",
                "actors": ["all_local"],
                "timing": "maj hvert år",
            },
        ],
    },
]

ANNUAL_CYCLE = [
    {
        "kind": "meeting",
        "title": "Kredsrådet drøfter udkastet til planen",
        "description": "Mødet i december før planperioden.",
        "month": 12,
        "before_period": True,
    },
    {
        "kind": "meeting",
        "title": "Forårsmøde i kredsrådet",
        "description": "Kredsrådet ser på årets kriminalitetsanalyse.",
        "quarter": 2,
    },
    {
        "kind": "deadline",
        "title": "Lokalrådenes status",
        "description": "Lokalrådene melder status til Forebyggelsesafdelingen.",
        "month": 11,
        "local": True,
    },
    {
        "kind": "report",
        "title": "Statusrapport og decembermøde",
        "description": "Kredsrådet drøfter status og eventuelle revisioner.",
        "month": 12,
    },
    {
        "kind": "theme",
        "title": "Konference for lokalrådene",
        "description": "Alle lokalråd mødes én gang om året; datoen følger programmet.",
        "undated": "yearly",
    },
    {
        "kind": "meeting",
        "title": "Møder i lokalrådene",
        "description": "Hvert lokalråd mødes efter sin egen plan.",
        "undated": "ongoing",
        "local": True,
    },
]

# The kredsråd discussed the draft at its December meeting; the plan was published in January.
COUNCIL_TREATMENT = "discussed"
MEETING_DATE = (2023, 12, 7)
PUBLISHED_ON = (2024, 1, 8)
EFFECTIVE_DATE = (2024, 1, 1)

# Version 2: the section on status rounds rewritten after the kredsråd's meeting in 2025.
REVISION = {
    "published_on": (2025, 9, 30),
    "effective_date": (2025, 9, 30),
    "note": "Statusrunden flyttes fra foråret til efteråret.",
    "section": "statusrunder",
    "section_body": (
        "<p>Fra 2025 melder lokalrådene status i november i stedet for i maj. Så kan "
        "kredsrådet drøfte et helt års arbejde på sit møde i december.</p>"
    ),
}

# One closed reporting round with a few updates: (activity, council, status, text, author).
ROUND = {
    "name": "Status november 2025",
    "opened_on": (2025, 11, 3),
    "deadline": (2025, 11, 28),
    "closed_at": (2025, 12, 1, 12, 0),
    "date": (2025, 11, 20),
    "updates": [
        (
            "digitalt-undervisning",
            "randers",
            "in_progress",
            "Halvdelen af skolerne har haft forløbet; resten følger i foråret.",
            "randers-medlem",
        ),
        (
            "natteliv-vandringer",
            "aarhus",
            "done",
            "Der blev gået tolv vandringer i sommerens weekender.",
            "",
        ),
        (
            "natteliv-gellerup",
            "gellerup-toveshoej",
            "in_progress",
            "Klubben har åbent hver fredag; frivillige følger unge hjem.",
            "",
        ),
        (
            "natteliv-aftale",
            "kredsraadet",
            "done",
            "Aftalen er underskrevet af restauratørerne i Aarhus og Randers.",
            "sekretariat-oest",
        ),
        (
            "djursland-beredskab",
            "syddjurs",
            "postponed",
            "Udskudt til 2026, når den nye festivalplads står klar.",
            "",
        ),
    ],
}
