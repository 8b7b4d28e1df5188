"""The demo plan's content: "Samarbejdsplan 2017-2018" for Syd- og Sønderjyllands Politi.

Facts (figures, names of forums, legal bases, dates) come from the district's published 2017-18
plan; every text is written anew and kept short. Rich-text values are plain HTML within the
editor's allowlist (h3, p, ul/li, strong, em), so sanitising them changes nothing.
"""

DISTRICT_SLUG = "syd-og-soenderjyllands-politi"

PLAN = {
    "title": "Samarbejdsplan",
    "period_start": 2017,
    "period_end": 2018,
    "signatory_name": "Jørgen Meyer",
    "signatory_title": "politidirektør",
    # The secretariat's contact on the district's page (a reserved, never-delivered domain).
    "contact_name": "Kriminalpræventivt sekretariat",
    "contact_email": "kriminalpraevention.syd@politi.example",
    "foreword": (
        "<p>Samarbejdsplanen samler de mål og indsatsområder, som kommunerne og politiet i Syd- "
        "og Sønderjylland vil arbejde med sammen for at forebygge og bekæmpe kriminalitet. For "
        "første gang strækker planen sig over flere år, så indsatserne får tid til at virke.</p>"
        "<p>Udviklingen går den rigtige vej. Fra 2010 til 2016 faldt antallet af anmeldelser "
        "efter straffeloven med 31 pct. i politikredsen, og kriminaliteten blandt unge under 18 "
        "år er faldet særligt meget. Det skyldes ikke mindst et vedholdende forebyggende "
        "arbejde i kommunerne og hos politiet.</p>"
        "<p>Samtidig skifter kriminaliteten form: Økonomisk kriminalitet og it-kriminalitet "
        "fylder mere, og der anmeldes stadig mange voldssager – også vold mod børn.</p>"
        "<p>Planens seks indsatsområder blev valgt på en temadag den 30. oktober 2016 med "
        "deltagere fra kommunerne og politiet. Valget bygger på politiets strategiske "
        "kriminalitetsanalyse, lokalrådenes erfaringer og det daglige samarbejde.</p>"
        "<p>Kredsråd, lokalråd og SSP bærer det forebyggende arbejde, men alle kan bidrage til "
        "et trygt samfund.</p>"
    ),
    "shared_goals": "",
}

# The plan's goals per party, in order: (party, text). Party: police, municipalities, joint.
GOALS = [
    ("police", "give lokalrådene adgang til den strategiske kriminalitetsanalyse"),
    ("police", "have en leder og en forebyggende medarbejder med i hvert lokalråd"),
    ("police", "handle straks, når et barn eller en ung er i fare"),
    ("municipalities", "knytte planens indsatser til egne planer for trafik og byudvikling"),
    ("municipalities", "stille SSP og fagfolk fra skole, socialområde og ungdomsarbejde"),
    ("municipalities", "sprede planens budskaber til borgere, skoler og foreninger"),
    ("joint", "nedbringe antallet af anmeldelser om vold, indbrud og digitale krænkelser"),
    ("joint", "bevare borgernes tryghed i deres nærområde"),
    ("joint", "gøre status over arbejdet i kredsrådet to gange om året"),
]

# The plan's groups of focus areas, in order: the six the kredsråd chose for 2017-18 (the plan
# names them together, unranked), then those a lokalråd chose for itself.
FOCUS_AREA_GROUPS = {
    "kredsen": {
        "heading": "Kredsrådets indsatsområder 2017-18",
        "kind": "district",
        "ranked": False,
    },
    "lokalt": {
        "heading": "Lokalt valgte indsatsområder",
        "kind": "local",
        "ranked": False,
    },
}

# Narrative sections, in order. `key` names a section for the revision below.
SECTIONS = [
    {
        "key": "organisering",
        "title": "Samarbejdets organisering",
        "body": (
            "<p>Kommunerne og politiet arbejder sammen på tre niveauer, som hver har sin "
            "opgave.</p>"
            "<h3>Kredsrådet – det strategiske niveau</h3>"
            "<p>Kredsrådet er samarbejdets øverste forum. Her drøftes politiets virksomhed og "
            "organisation, kriminalitetens udvikling og de opgaver, hvor politiets og kommunernes "
            "arbejde skal hænge sammen. Kredsrådet fastlægger indsatsområderne og godkender "
            "hovedlinjerne i lokalrådenes aktiviteter.</p>"
            "<h3>Lokalrådene – det operationelle niveau</h3>"
            "<p>Hver af de otte kommuner har et lokalråd. Lokalrådet omsætter indsatsområderne "
            "til konkrete aktiviteter, holder tæt kontakt til lokalsamfundet og melder status "
            "tilbage til kredsrådet.</p>"
            "<h3>Lokalråd+ – det taktiske niveau</h3>"
            "<p>Under et lokalråd kan der være et lokalråd+, hvor politi, kommune og skoler mødes "
            "med fx idrætsforeninger og boligforeninger. Her følger man kriminaliteten tæt og "
            "foreslår løsninger på aktuelle problemer i lokalområdet.</p>"
        ),
    },
    {
        "key": "roller",
        "title": "Roller og opgaver",
        "body": (
            "<h3>Kredsrådet</h3>"
            "<p>Kredsrådet består af politidirektøren og borgmestrene i Esbjerg, Fanø, Haderslev, "
            "Sønderborg, Tønder, Varde, Vejen og Aabenraa. Politidirektøren er formand, og "
            "borgmesteren i Sønderborg er næstformand. Kommunaldirektørerne deltager i møderne "
            "sammen med politiets stabschef, chefpolitiinspektøren, politiinspektøren for "
            "områdepolitiet og lederen af det kriminalpræventive sekretariat. Politiets "
            "sekretariatschef er sekretær for rådet.</p>"
            "<h3>Lokalrådene</h3>"
            "<p>Formanden er lederen af politiets område Nordøst, Nordvest eller Syd. Desuden "
            "deltager en lokal politileder, en forebyggende medarbejder fra politiet, fagchefer "
            "eller direktører fra kommunen og udvalgte medarbejdere fra det forebyggende arbejde. "
            "Hvert lokalråd har en sekretær.</p>"
            "<h3>Sekretariatet</h3>"
            "<p>Politiets sekretariat skriver planen, samler lokalrådenes status og holder "
            "oversigten over samarbejdsfora (bilag 1) ajour.</p>"
        ),
    },
    {
        "key": "aarshjul",
        "title": "Kredsrådets årshjul",
        "body": (
            "<p>Politiets sekretariatschef gør status over planen for kredsrådet i juni og i "
            "december. Inden da melder lokalrådene status på deres aktiviteter.</p>"
            "<p>I august inviterer sekretariatschefen alle kommuner og politiet til en temadag. "
            "Her ligger politiets strategiske kriminalitetsanalyse klar, og deltagerne foreslår "
            "nye indsatsområder og aktiviteter.</p>"
            "<p>Årets møder og frister står i årshjulet bagest i planen.</p>"
        ),
    },
    {
        "key": "andet",
        "title": "Andre samarbejdsområder",
        "body": (
            "<p>Planen rummer ikke alt, hvad kommunerne og politiet gør sammen. Lokale tiltag "
            "uden for planen er ikke glemt, men planen sætter retningen for både det "
            "forebyggende og det reaktive arbejde.</p>"
            "<p>Terrorbekæmpelse og den midlertidige kontrol ved grænsen til Tyskland ligger "
            "uden for planen. Kredsrådet bliver løbende orienteret om begge, fordi de "
            "påvirker, hvordan politiet bruger sine ressourcer i kredsen.</p>"
        ),
    },
]

# The organisation diagram in the section on the cooperation's organisation (demo/documents.py
# draws it) and the plan's one attachment, rendered as a PDF when the demo is loaded.
FIGURE = {
    "section": "organisering",
    "alt_text": (
        "Diagram over samarbejdets tre niveauer. Øverst kredsrådet, det strategiske niveau, med "
        "politidirektøren og borgmestrene. Under det lokalrådene, det operationelle niveau, med "
        "ét lokalråd i hver kommune. Nederst lokalråd+, det taktiske niveau, hvor skoler, "
        "klubber og boligforeninger er med."
    ),
    "caption": "Figur 1: Kredsråd, lokalråd og lokalråd+",
}

ATTACHMENT = {
    "title": "Forretningsorden for kredsrådet",
    "body": (
        "<p>Forretningsordenen beskriver, hvordan kredsrådet i Syd- og Sønderjyllands Politi "
        "arbejder. Den er vedtaget af kredsrådet og gælder, indtil rådet ændrer den.</p>"
        "<h2>§ 1. Sammensætning</h2>"
        "<p>Kredsrådet består af politidirektøren og borgmestrene i politikredsens kommuner. "
        "Politidirektøren er formand. Rådet vælger en næstformand blandt borgmestrene.</p>"
        "<h2>§ 2. Møder</h2>"
        "<p>Kredsrådet holder mindst ét ordinært møde om året. Formanden indkalder med mindst "
        "fire ugers varsel og sender dagsordenen senest en uge før mødet. Et medlem kan bede om "
        "at få et punkt på dagsordenen.</p>"
        "<h2>§ 3. Sekretariat</h2>"
        "<p>Politiets sekretariat forbereder møderne, skriver referat og følger op på "
        "samarbejdsplanen. Referatet sendes til medlemmerne senest to uger efter mødet.</p>"
        "<h2>§ 4. Gæster</h2>"
        "<p>Formanden kan invitere gæster, fx kommunaldirektører eller repræsentanter for "
        "Kriminalforsorgen, når et punkt på dagsordenen gør det relevant.</p>"
    ),
}

# Who carries an activity (its actors, one or more): "all_local", "named_local" (the local
# focus area's lokalråd), "district_council", "secretariat", "police" (with an optional
# `police_unit`), "kommuner" (every kommune of the district) or "forum:<slug>". Each activity
# has a `key` the status history refers to.
FOCUS_AREAS = [
    {
        "key": "boern",
        "title": "Overgreb mod børn",
        "background": (
            "<h3>Retten til en tryg barndom</h3>"
            "<p>Vold og seksuelle overgreb skader børns trivsel, sundhed og udvikling. Kommuner, "
            "politi og andre parter skal derfor altid være klar til at forebygge – og til at "
            "handle hurtigt, når et barn udsættes for overgreb.</p>"
            "<p>I 2016 foretog politiet over 275 videoafhøringer af børn om vold og andre "
            "overgreb. Mange sager lukkes af bevismæssige grunde, men barnet og familien kan "
            "stadig have brug for hjælp fra kommunen.</p>"
            "<h3>Hjælp kræver viden</h3>"
            "<p>Børnerådets rapport <em>Børn fortæller om vold i hjemmet</em> (november 2016) "
            "viser, at mange voksne ikke opdagede, at noget var galt. 28 pct. af eleverne i "
            "7. klasse har prøvet at blive rusket eller skubbet, og 9 pct. er blevet slået.</p>"
            "<p>Fagfolk skelner mellem bekymring, mistanke og viden. På Koordinationsgruppens "
            "anbefaling har politiet skrevet vejledningen <em>Så hør hvad jeg siger</em>. Den "
            "viser, hvordan man spørger ind til en vag mistanke uden at skade en senere "
            "efterforskning.</p>"
            "<h3>Forebyggelse i familien</h3>"
            "<p>Kreds- og lokalråd og SSP vil i 2017-18 styrke børns kendskab til deres "
            "rettigheder og til, hvad der sker, når de fortæller om vold. Vi bakker op om den "
            "landsdækkende kampagne #stopvoldmodbørn.</p>"
        ),
        "ambition": (
            "Vi vil forebygge vold og overgreb mod børn og handle hurtigt, når det sker, ved at …"
        ),
        "activities": [
            {
                "key": "boern-fokus",
                "text": (
                    "Holde forebyggelse af overgreb mod børn højt på dagsordenen i det daglige "
                    "samarbejde og i lokalrådene."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "boern-temamoede",
                "text": (
                    "Holde et temamøde i Koordinationsgruppen om vold i hjemmet med deltagere "
                    "fra Socialstyrelsen, Børnehus Syd og Børnerådet."
                ),
                "actors": ["forum:koordinationsgruppen"],
                "timing": "maj 2017",
            },
            {
                "key": "boern-revselsesret",
                "text": (
                    "Fortælle børn og forældre, at revselsesretten er afskaffet – fx gennem SSP "
                    "i undervisningen, på forældremøder og på velkomstmøder for nye borgere."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "boern-vejledning",
                "text": (
                    "Indføre vejledningen »Så hør hvad jeg siger« om spørgeteknik for fagfolk "
                    "i alle kommuner."
                ),
                "actors": ["all_local"],
                "timing": "2017",
            },
            {
                "key": "boern-kampagne",
                "text": (
                    "Bakke op om kampagnen #stopvoldmodbørn i kommunerne og hos politiet i "
                    "hele kredsen."
                ),
                "actors": ["police", "kommuner"],
                "timing": "2017-18",
            },
        ],
    },
    {
        "key": "trafik",
        "title": "Sikker trafik",
        "background": (
            "<h3>Trafiksikkerheden</h3>"
            "<p>Færdselssikkerhedskommissionens handlingsplan <em>Hver ulykke er én for "
            "meget</em> sigter mod højst 120 dræbte, 1.000 alvorligt og 1.000 lettere "
            "tilskadekomne i trafikken på landsplan i 2020. I 2016 blev 215 dræbt – det "
            "højeste tal siden 2011.</p>"
            "<h3>Et fælles ansvar</h3>"
            "<p>Kommunerne er vejbestyrere for langt de fleste veje og har derfor en central "
            "rolle. De fleste kommuner i kredsen har en trafiksikkerhedsplan, men planerne "
            "hænger sjældent sammen med lokalrådenes indsatser. Det vil vi ændre i 2017 og "
            "2018.</p>"
            "<p>Mange mindre uheld og uheld med bløde trafikanter bliver aldrig meldt til "
            "politiet. Kredsrådet har derfor sat et toårigt forsøg med registrering på "
            "skadestuerne i gang, så indsatserne kan målrettes bedre.</p>"
            "<h3>Kørekort til 17-årige</h3>"
            "<p>Unge bilister under 24 år har en langt højere risiko end ældre. Siden 1. januar "
            "2017 kan 17-årige tage kørekort og køre med en erfaren ledsager. Forældrene er "
            "vigtige forbilleder, og lokalrådene vil sætte fokus på deres rolle.</p>"
        ),
        "ambition": (
            "Vi vil øge trafiksikkerheden, så færre kommer til skade eller bliver dræbt, ved at …"
        ),
        "activities": [
            {
                "key": "trafik-planer",
                "text": (
                    "Koble kommunernes trafiksikkerhedsplaner til lokalrådenes indsatser, så "
                    "tiltag på grundlag af den årlige færdselsanalyse får størst mulig effekt."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "trafik-foraeldre",
                "text": (
                    "Sætte fokus på forældre som forbilleder i trafikken, fx med en målrettet "
                    "kampagne."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "trafik-skadestue",
                "text": (
                    "Gennemføre et toårigt forsøg med registrering af tilskadekomne trafikanter "
                    "på skadestuerne for at kortlægge, hvor og hvorfor uheldene sker."
                ),
                "actors": ["district_council"],
                "timing": "2017-18 (toårigt forsøg)",
            },
        ],
    },
    {
        "key": "indbrud",
        "title": "Indsats mod indbrud og hæleri",
        "background": (
            "<h3>Stadig mange indbrud</h3>"
            "<p>Antallet af indbrud i Danmark faldt fra 2009 til 2015, men er stadig højt. Den "
            "bedste hjælp er naboer, der holder øje med hinandens huse og ringer til politiet, "
            "når noget ser mistænkeligt ud.</p>"
            "<p>Lokalrådene har de seneste to år holdt en række borgermøder om nabohjælp og "
            "fortsætter i særligt udsatte områder. Politiets sikringsrådgivere giver råd om "
            "bedre sikring – danske hjem er generelt dårligere sikret end hjem i andre "
            "europæiske lande.</p>"
            "<h3>Hæleri holder indbruddene i gang</h3>"
            "<p>Når ingen køber tyvekosterne, mister indbrud sin værdi. Det er ofte unge mænd, "
            "der bliver tilbudt hælervarer, og køber og sælger kender tit hinanden. Lokalrådene "
            "kan fx udbrede Det Kriminalpræventive Råds undervisningsmateriale og bruge "
            "kommunernes sociale medier. Esbjerg-lokalrådets kampagne »Stop E-hæleri« på "
            "Facebook kan give inspiration.</p>"
        ),
        "ambition": "Vi vil have færre indbrud i private hjem ved at …",
        # What each party does against burglary: (party, text), in order.
        "goals": [
            ("police", "sende sikringsrådgivere ud til borgermøder og foreninger"),
            ("municipalities", "fortælle om nabohjælp i nyhedsbreve og på sociale medier"),
            ("joint", "gøre det kendt, at køb af hælervarer holder indbruddene i gang"),
        ],
        "activities": [
            {
                "key": "indbrud-nabohjaelp",
                "text": (
                    "Holde fast i nabohjælp og forklare, hvad god nabohjælp er – på "
                    "beboermøder og i andre kanaler."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "indbrud-skoler",
                "text": (
                    "Tilbyde skoler og ungdomsuddannelser temaforløb om kriminalitet, herunder "
                    "hæleri."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "indbrud-haeleri",
                "text": (
                    "Sprede budskabet om, at det er socialt uacceptabelt at købe hælervarer, fx "
                    "på kommunernes hjemmesider."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "indbrud-sikring",
                "text": (
                    "Sætte fokus på bedre sikring af private boliger med kredsrådet som "
                    "omdrejningspunkt."
                ),
                "actors": ["police", "district_council"],
                "police_unit": "Sikringsrådgiverne",
                "timing": "2017-18",
            },
        ],
    },
    {
        "key": "cyber",
        "title": "Cybercrime / digitale krænkelser",
        "background": (
            "<h3>Kriminalitet på nettet</h3>"
            "<p>Nettet er i stigende grad et sted, hvor børn, voksne og virksomheder udsættes "
            "for kriminalitet. Identitetstyveri, falske hjemmesider og handler, hvor varen "
            "aldrig kommer, vokser hurtigt.</p>"
            "<h3>Klog adfærd på nettet</h3>"
            "<p>Meget af denne kriminalitet kan forebygges, hvis man færdes klogt på nettet. "
            "Særligt udsatte er elever, der mistrives i skolen. Arbejdet begyndte i 2015 "
            "og fortsætter i 2017 og 2018 med det undervisningsmateriale, der allerede "
            "findes.</p>"
            "<h3>Samarbejde er nødvendigt</h3>"
            "<p>Politiet kan ikke løse problemet alene. En stor del af sagerne handler om svindel "
            "ved handel mellem private, og især unge under 25 år køber sko, telefoner og andet "
            "på nettet. En workshop med gymnasier i Esbjerg og lokalrådene i december 2016 blev "
            "aflyst, fordi for få meldte sig. Vi prøver igen et nyt sted i 2018.</p>"
        ),
        "ambition": ("Vi vil have færre anmeldelser om svindel og krænkelser på nettet ved at …"),
        "activities": [
            {
                "key": "cyber-undervisning",
                "text": (
                    "Bruge lokale undervisningsforløb om børn og unges adfærd på sociale medier, "
                    "i tråd med regeringens udspil mod digitale krænkelser."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "cyber-workshop",
                "text": (
                    "Holde en workshop om at forebygge og bekæmpe økonomisk motiveret "
                    "kriminalitet på nettet."
                ),
                "actors": ["secretariat"],
                "timing": "2018",
            },
            {
                "key": "cyber-virksomheder",
                "text": (
                    "Holde forebyggende møder for virksomheder, som samtidig giver politiet "
                    "viden om, hvordan virksomheder bliver angrebet."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "cyber-video",
                "text": (
                    "Lave informationsmateriale med korte videoer, der viser, at alle kan blive "
                    "snydt på nettet."
                ),
                "actors": ["secretariat"],
                "timing": "2017",
            },
            {
                "key": "cyber-beviser",
                "text": (
                    "Styrke politiets muligheder for at sikre beviser i sager om digitale "
                    "krænkelser."
                ),
                "actors": ["police"],
                "timing": "2017-18",
            },
        ],
    },
    {
        "key": "vold",
        "title": "Vold",
        "background": (
            "<h3>Flere anmeldelser om vold</h3>"
            "<p>Antallet af anmeldelser om vold steg markant i 2016 – i Syd- og Sønderjylland "
            "med 36,2 pct. Der er ikke én forklaring. Flere ansatte, fx lærere og medarbejdere "
            "på socialcentre, anmelder vold og trusler, bl.a. af hensyn til en arbejdsskadesag. "
            "Kommunerne er mere opmærksomme på tegn på overgreb mod børn, og politiet "
            "registrerer nu alle henvendelser om vold som anmeldelser.</p>"
            "<h3>Hvor sker volden?</h3>"
            "<p>Politiets lokale voldsanalyse for 2010-2013 viste, at lidt under halvdelen af "
            "volden (46 pct.) fandt sted på private adresser og resten (54 pct.) i det offentlige "
            "rum. Det "
            "Kriminalpræventive Råd fandt i 2014 samme mønster: Mest vold sker der, hvor folk "
            "bor.</p>"
            "<p>Vold rammer hårdt og længe, og vold i det offentlige rum gør mange utrygge. "
            "Derfor vil vi i 2017 og 2018 arbejde for færre voldshændelser.</p>"
        ),
        "ambition": "Vi vil have færre anmeldelser om vold ved at …",
        "activities": [
            {
                "key": "vold-nattelivet",
                "text": (
                    "Gribe konsekvent ind over for personer og grupper, der skaber utryghed og "
                    "er voldelige i det offentlige rum, fx i nattelivet."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "vold-husspektakler",
                "text": (
                    "Udvikle et fælles koncept for, hvad lokalrådene kan gøre i hjem med "
                    "husspektakler og vold."
                ),
                "actors": ["all_local"],
                "timing": "2018",
            },
            {
                "key": "vold-byplan",
                "text": (
                    "Indtænke kriminalitetsforebyggelse, når kommunerne planlægger byer og "
                    "boligområder, så fællesskaberne bliver attraktive."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
        ],
    },
    {
        "key": "naermiljoe",
        "title": "Et trygt nærmiljø",
        "background": (
            "<h3>Trygheden skal fastholdes</h3>"
            "<p>Ifølge politiets tryghedsindeks (december 2016) føler de fleste borgere i kredsen "
            "sig trygge der, hvor de bor. Det vil vi holde fast i ved at "
            "arbejde lokalt med de steder og hændelser, der skaber utryghed.</p>"
            "<h3>Orden og vedligeholdelse</h3>"
            "<p>Graffiti, hærværk og uorden skal fjernes hurtigt, for det trækker mere af samme "
            "slags med sig og får et område til at virke uden opsyn. God vedligeholdelse, lys, "
            "vejforløb og grønne områder viser, at nogen passer på stedet.</p>"
            "<h3>Fællesskaber</h3>"
            "<p>Beboer- og boligforeninger, fædregrupper og lignende skal inddrages – det "
            "virker, også når der opstår konflikter. Vi vil koordinere indsatsen over for "
            "utilpassede unge, hjælpe nye borgere som flygtninge ind i fællesskabet og "
            "forebygge radikalisering gennem positive fællesskaber.</p>"
        ),
        "ambition": "Vi vil styrke trygheden i nærmiljøet ved at …",
        "activities": [
            {
                "key": "naermiljoe-tiltag",
                "text": "Sætte lokale tiltag i gang i udvalgte boligområder.",
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "naermiljoe-unge",
                "text": "Reagere konsekvent over for unge, der skaber utryghed i nærmiljøet.",
                "actors": ["all_local"],
                "timing": "2017-18",
            },
            {
                "key": "naermiljoe-faellesskaber",
                "text": (
                    "Arbejde med positive fællesskaber i nærområdet, herunder orden, sikkerhed "
                    "og forebyggelse af radikalisering."
                ),
                "actors": ["all_local"],
                "timing": "2017-18",
            },
        ],
    },
]

# A focus area chosen by one lokalråd (the bilateral handleplan), with its own activity.
LOCAL_FOCUS_AREA = {
    "key": "esbjerg-ehaeleri",
    "council": "esbjerg",
    "title": "Hæleri på nettet blandt unge",
    "background": (
        "<h3>Erfaringer fra »Stop E-hæleri«</h3>"
        "<p>Lokalrådet i Esbjerg har gode erfaringer med Facebook-kampagnen »Stop E-hæleri«. "
        "Mange unge køber og sælger brugte ting på nettet og ved ikke altid, hvornår en god "
        "handel er hæleri.</p>"
        "<p>Lokalrådet bygger videre på kampagnen sammen med kommunens ungdomsuddannelser.</p>"
    ),
    "ambition": (
        "Vi vil gøre unge i Esbjerg Kommune bedre til at genkende hælervarer på nettet ved at …"
    ),
    "activities": [
        {
            "key": "esbjerg-kampagne",
            "text": (
                "Køre en ny runde af kampagnen »Stop E-hæleri« på sociale medier, rettet mod "
                "elever på ungdomsuddannelserne."
            ),
            "actors": ["named_local"],
            "timing": "efterår 2017",
        },
    ],
}

# The kredsråd's annual cycle, in calendar order: a month or a quarter, the meeting in the year
# before the period (before_period), and work without a fixed month (undated).
ANNUAL_CYCLE = [
    {
        "kind": "meeting",
        "title": "Kredsrådet drøfter udkastet til planen",
        "description": (
            "Kredsrådet gennemgår udkastet i december, inden politidirektøren offentliggør "
            "planen for de to år."
        ),
        "month": 12,
        "before_period": True,
    },
    {
        "kind": "meeting",
        "title": "Borgmestermøder",
        "description": "Politidirektøren mødes med hver af de otte borgmestre.",
        "quarter": 1,
    },
    {
        "kind": "theme",
        "title": "Temamøde i kredsrådet",
        "description": "Kredsrådet går i dybden med et af planens indsatsområder.",
        "quarter": 2,
    },
    {
        "kind": "deadline",
        "title": "Lokalrådenes status til sekretariatet",
        "description": "Lokalrådene melder status på deres aktiviteter før sommermødet.",
        "month": 5,
        "local": True,
    },
    {
        "kind": "report",
        "title": "Statusrapport til kredsrådet",
        "description": "Sekretariatschefen gør status over samarbejdsplanen.",
        "month": 6,
    },
    {
        "kind": "theme",
        "title": "Temadag om nye indsatsområder",
        "description": (
            "Kommunerne og politiet drøfter den strategiske kriminalitetsanalyse og foreslår "
            "indsatsområder og aktiviteter til næste plan."
        ),
        "month": 8,
    },
    {
        "kind": "meeting",
        "title": "Ordinært kredsrådsmøde",
        "description": "Kredsrådet drøfter og godkender samarbejdsplanen for det kommende år.",
        "quarter": 4,
    },
    {
        "kind": "deadline",
        "title": "Lokalrådenes status til sekretariatet",
        "description": "Lokalrådene melder status på deres aktiviteter før decembermødet.",
        "month": 11,
        "local": True,
    },
    {
        "kind": "report",
        "title": "Statusrapport til kredsrådet",
        "description": "Sekretariatschefen gør status over samarbejdsplanen.",
        "month": 12,
    },
    {
        "kind": "meeting",
        "title": "Møder i lokalrådene",
        "description": (
            "Hvert lokalråd mødes efter sin egen mødeplan og følger op på de lokale aktiviteter "
            "hen over året."
        ),
        "undated": "ongoing",
        "local": True,
    },
]

# The revision published in July 2017 (version 2): one focus area and one section change.
REVISION = {
    "published_on": (2017, 7, 3),
    "effective_date": (2017, 7, 3),
    "note": (
        "Revideret efter kredsrådets møde i juni 2017: Indsatsområdet »Overgreb mod børn« "
        "fortæller nu om temamødet i Koordinationsgruppen, og afsnittet om kredsrådets årshjul "
        "nævner lokalrådenes frister i maj og november."
    ),
    "focus_area": "boern",
    "focus_area_background_append": (
        "<h3>Temamødet i maj 2017</h3>"
        "<p>Koordinationsgruppen holdt sit temamøde i maj 2017 med Socialstyrelsen, Børnehus "
        "Syd og Børnerådet. Mødet handlede især om vold i hjemmet, og kommunerne tager "
        "erfaringerne med i arbejdet med vejledningen <em>Så hør hvad jeg siger</em>.</p>"
    ),
    "section": "aarshjul",
    "section_body": (
        "<p>Politiets sekretariatschef gør status over planen for kredsrådet i juni og i "
        "december. Lokalrådene melder status senest ved udgangen af maj og november, så "
        "sekretariatet kan samle rapporten i god tid før møderne.</p>"
        "<p>I august inviterer sekretariatschefen alle kommuner og politiet til en temadag. "
        "Her ligger politiets strategiske kriminalitetsanalyse klar, og deltagerne foreslår "
        "nye indsatsområder og aktiviteter.</p>"
        "<p>Årets møder og frister står i årshjulet bagest i planen.</p>"
    ),
}

# Version 1: approved at the kredsråd's December meeting ("Godkendt af kredsrådet den 8.
# december 2016"), published and in force from New Year.
FIRST_COUNCIL_TREATMENT = "approved"
FIRST_APPROVAL_MEETING_DATE = (2016, 12, 8)
FIRST_PUBLISHED_ON = (2017, 1, 2)
FIRST_EFFECTIVE_DATE = (2017, 1, 2)

# The forum overview (Bilag 1), in its order, plus the Koordinationsgruppe an activity refers
# to. Interfaces name other forums by slug ("forum:…") or councils ("council:kredsraadet",
# "council:<lokalråd slug>").
FORUMS = [
    {
        "slug": "kredsraadet",
        "name": "Kredsrådet",
        "kind": "kredsraad",
        "council": "kredsraadet",
        "topic": "Generelle spørgsmål om politiets virksomhed i kredsen.",
        "legal_basis": "Retsplejelovens § 112",
        "purpose": (
            "At få politiets og kommunernes opgaver til at hænge sammen, især i det lokale "
            "kriminalitetsforebyggende arbejde."
        ),
        "action_plans": "Den årlige samarbejdsplan.",
        "interfaces": ["forum:lokalraad", "forum:ssp-syd-og-soenderjylland"],
        "interfaces_text": "Lokalrådene melder status til kredsrådet to gange om året.",
        "participants": "Politidirektøren og borgmestrene i kredsens otte kommuner.",
        "meetings_min": 4,
        "meetings_text": "Mindst 4",
    },
    {
        "slug": "lokalraad",
        "name": "Lokalråd for kommuner og politi",
        "kind": "lokalraad",
        "topic": "Politiets forebyggende og kriminalitetsbekæmpende indsats i lokalområdet.",
        "legal_basis": (
            "Cirkulæreskrivelse af 20. december 2007 om etablering af lokale samarbejdsfora"
        ),
        "purpose": (
            "At omsætte nationale strategier og kredsrådets indsatsområder til lokale indsatser."
        ),
        "action_plans": "Årlige, fælles handleplaner for politi og kommune.",
        "interfaces": ["council:kredsraadet", "forum:ssp"],
        "interfaces_text": "Kommunens SSP-medarbejdere.",
        "participants": (
            "Ledere fra politiets områdecenter og beredskabsstation samt repræsentanter for "
            "kommunen."
        ),
        "meetings_min": 4,
        "meetings_text": "Mindst 4",
    },
    {
        "slug": "lokalraad-plus",
        "name": "Lokalråd+",
        "kind": "lokalraad_plus",
        "topic": "Udmøntning af kredsrådets og lokalrådets initiativer.",
        "legal_basis": (
            "Cirkulæreskrivelse af 20. december 2007 om etablering af lokale samarbejdsfora"
        ),
        "purpose": (
            "At følge kriminaliteten i lokalområdet og anbefale løsninger på aktuelle problemer."
        ),
        "action_plans": "Ingen.",
        "interfaces": ["forum:lokalraad"],
        "interfaces_text": "Lokalrådet, som lokalråd+ hører under.",
        "participants": (
            "Politiet og repræsentanter for kommunen og skolerne; desuden fx idrætsforeninger og "
            "boligforeninger."
        ),
        "meetings_min": 4,
        "meetings_text": "Mindst 4",
    },
    {
        "slug": "ssp",
        "name": "SSP og SSP+",
        "kind": "ssp",
        "topic": "Kriminalitetsforebyggelse for børn og unge op til 25 år.",
        "legal_basis": "Retsplejelovens § 115",
        "purpose": "At forebygge kriminalitet blandt børn og unge.",
        "action_plans": "Ingen.",
        "interfaces": ["forum:lokalraad"],
        "interfaces_text": "Lokalrådet i den enkelte kommune.",
        "participants": "Politiet og SSP-medarbejdere fra kommunen.",
        "meetings_min": 4,
        "meetings_text": "Mindst 4",
    },
    {
        "slug": "psp",
        "name": "PSP-sekretariatet",
        "kind": "psp",
        "topic": ("Indsatsen for socialt udsatte og psykisk syge og mod radikalisering."),
        "legal_basis": "Retsplejelovens § 114 samt Rigspolitiets rundskrivelse om PSP-samarbejde",
        "purpose": "At koordinere myndighedernes indsats over for denne gruppe.",
        "action_plans": "Ingen.",
        "interfaces": ["forum:ksp"],
        "interfaces_text": "Øvrige fora på psykiatriområdet.",
        "participants": (
            "Politiets kriminalpræventive sekretariat, Kriminalforsorgen og Psykiatrien i Region "
            "Syddanmark."
        ),
        "meetings_min": 4,
        "meetings_text": "Mindst 4",
    },
    {
        "slug": "banderaad",
        "name": "Banderåd",
        "kind": "banderaad",
        "municipalities": ["Esbjerg", "Vejen"],
        "topic": "Den kriminalpræventive indsats mod bander i de berørte områder.",
        "legal_basis": "Retsplejeloven, jf. forarbejderne til den såkaldte »bandepakke«",
        "purpose": (
            "At inddrage lokale aktører i at bremse rekrutteringen til rocker- og bandemiljøer."
        ),
        "action_plans": "Ingen.",
        "interfaces": ["forum:lokalraad", "council:esbjerg", "council:vejen"],
        "interfaces_text": "Lokalrådene i de berørte kommuner.",
        "participants": (
            "En leder fra politiets efterforskningsafdeling, det kriminalpræventive sekretariat "
            "og repræsentanter for Esbjerg og Vejen Kommune."
        ),
        "meetings_min": 0,
        "meetings_text": "Efter behov",
    },
    {
        "slug": "ssp-syd-og-soenderjylland",
        "name": "SSP Syd- og Sønderjylland",
        "kind": "ssp_samraad",
        "topic": "Tværfaglige kriminalpræventive spørgsmål.",
        "legal_basis": "Retsplejelovens § 115",
        "purpose": (
            "At dele viden og styrke samarbejdet om det forebyggende arbejde i kommuner, politi "
            "og lokalråd, så det slår rod."
        ),
        "action_plans": "Ingen.",
        "interfaces": ["council:kredsraadet", "forum:lokalraad"],
        "interfaces_text": "Kredsrådet og lokalrådene.",
        "participants": (
            "Lederen af politiets kriminalpræventive sekretariat, kommunernes fælles medarbejder "
            "i sekretariatet og SSP-medarbejdere fra hver kommune."
        ),
        "meetings_min": 4,
        "meetings_text": "Mindst 4",
    },
    {
        "slug": "ksp",
        "name": "KSP-samarbejde",
        "kind": "ksp",
        "topic": "Koordineret udslusning fra fængsel eller ungdomsinstitution.",
        "legal_basis": "Retsplejelovens § 115",
        "purpose": "At give en god overgang til livet efter fængsel eller ungdomsinstitution.",
        "action_plans": "Ingen.",
        "interfaces": ["forum:lokalraad"],
        "interfaces_text": "Lokalrådet i den enkelte kommune.",
        "participants": "Kriminalforsorgen, de sociale myndigheder og politiet.",
        "meetings_min": 1,
        "meetings_text": "1-2",
    },
    {
        "slug": "ungesamraad",
        "name": "Ungesamråd",
        "kind": "ungesamraad",
        "topic": "Anbefalinger om sanktioner til unge lovovertrædere.",
        "legal_basis": "Retsplejelovens § 115, dog ikke i forhold til Kriminalforsorgen",
        "purpose": (
            "At anbefale hurtigt og præcist, hvilke sanktioner og indsatser der er brug for."
        ),
        "action_plans": "Ingen.",
        "interfaces": ["forum:lokalraad"],
        "interfaces_text": "Lokalrådet i den enkelte kommune.",
        "participants": "Kommunen, Kriminalforsorgen og politiet.",
        "meetings_min": 0,
        "meetings_text": "Efter behov",
    },
    {
        "slug": "samraad-overgreb-mod-boern",
        "name": "Samråd vedr. overgreb mod børn",
        "kind": "overgreb",
        "topic": "Overgreb mod børn.",
        "legal_basis": (
            "Cirkulæreskrivelse af 20. december 2007 om etablering af lokale samarbejdsfora"
        ),
        "purpose": "At øge forståelsen af, hvad hver myndighed kan gøre.",
        "action_plans": "Ingen.",
        "interfaces": ["forum:lokalraad", "forum:koordinationsgruppen"],
        "interfaces_text": "Lokalrådet i den enkelte kommune.",
        "participants": "Kriminalforsorgen, de sociale myndigheder og politiet.",
        "meetings_min": 2,
        "meetings_text": "2 eller efter behov",
    },
    {
        "slug": "koordinationsgruppen",
        "name": "Koordinationsgruppen vedr. overgreb mod børn",
        "kind": "koordination",
        "topic": "Fælles redskaber i arbejdet mod overgreb mod børn i hele kredsen.",
        "legal_basis": "Samarbejdsaftale mellem kommunerne og politiet i kredsen",
        "purpose": (
            "At samle viden og anbefale fælles redskaber, fx vejledningen »Så hør hvad jeg siger«."
        ),
        "action_plans": "Anbefalinger til kommunerne og politiet efter det årlige møde.",
        "interfaces": ["council:kredsraadet", "forum:samraad-overgreb-mod-boern"],
        "interfaces_text": "Børnehus Syd og kommunernes børne- og familieafdelinger.",
        "participants": (
            "Politiet, de otte kommuners børne- og familieområde og Børnehus Syd; gæster efter "
            "emne, fx Socialstyrelsen og Børnerådet."
        ),
        "meetings_min": 1,
        "meetings_text": "Mindst 1 (årligt temamøde)",
    },
]
