"""The data of benchmarks/search_quality.py: hand-written target practices in eight languages,
generated background practices in the same languages, and the queries with their expected
targets.

Targets are short, plausible practices (titles and descriptions a small firm would write) whose
words the queries use. The background (BACKGROUND_PER_LANGUAGE practices a language) is built
from per-language titles and sentences about other subjects that share the common words of the
targets ("formation", "Schulung", "datos", "sécurité au travail", "clients"…) and, in about a
quarter of them, some of the targets' own distinctive words ("cybersécurité", "Datensicherheit",
"hojas de cálculo", "intelligenza artificiale"…) in their descriptions, so a query word alone
matches several practices and the ranking has to put the target first; no background practice
holds the distinctive words of a target in its title.

Each query has a kind:
  inflection  another form of a word of the target ("formations", "Schulungen", "formaciones")
  accents     typed without its accents ("securite", "analisis", "Loschung")
  typo        one letter wrong, missing or doubled ("cibersegurdad", "Schullung")
  words       several words, some of them common in the background
  exact       the target's own word, in another case (a control)
  crosslang   another language's word for the same thing, where the skill taxonomy
              (skillup/plain_skills.py) gives both words for one competence; the benchmark
              checks the link is there and says which competence it is
"""

import random

LANGUAGES = ("en", "fr", "de", "es", "it", "pl", "nl", "pt")
BACKGROUND_PER_LANGUAGE = 28

# key → (language, title, description, topic slugs)
TARGETS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "fr-cyber": (
        "fr",
        "Formations à la cybersécurité pour nos artisans",
        "Chaque mois, nos salariés suivent des formations courtes sur la cybersécurité et la "
        "sécurité informatique : mots de passe, hameçonnage et sauvegardes. Les menuisiers "
        "de l'atelier ont appris à reconnaître un courriel frauduleux.",
        ("cybersecurity",),
    ),
    "fr-tableur": (
        "fr",
        "Le tableur appris entre collègues à la boulangerie",
        "Notre comptable anime des ateliers sur les tableaux croisés dynamiques et les formules "
        "du tableur, pour que les vendeuses suivent elles-mêmes les commandes et les stocks.",
        ("basic-digital-skills",),
    ),
    "de-schulung": (
        "de",
        "Schulungen zur Datensicherheit im Handwerksbetrieb",
        "Unsere Mitarbeiterinnen und Mitarbeiter besuchen vierteljährlich Schulungen zu "
        "Passwörtern, Phishing-Mails und der Löschung personenbezogener Daten nach der DSGVO.",
        ("cybersecurity",),
    ),
    "de-buchhaltung": (
        "de",
        "Buchhaltung in der Cloud: wie unsere Bäckerei umgestiegen ist",
        "Die Filialleiterinnen lernten in kurzen Kursen, Rechnungen digital zu erfassen und "
        "Belege mit dem Smartphone hochzuladen. Die Steuerberaterin sieht alles sofort.",
        ("cloud",),
    ),
    "es-datos": (
        "es",
        "Formación en análisis de datos para el equipo comercial",
        "Los vendedores aprendieron a usar paneles de control y hojas de cálculo para analizar "
        "las ventas de cada tienda y preparar los pedidos de la temporada.",
        ("data-analytics",),
    ),
    "es-ciber": (
        "es",
        "Ciberseguridad para pequeños comercios",
        "Talleres prácticos de ciberseguridad sobre contraseñas seguras, copias de seguridad y "
        "correos fraudulentos para las dependientas de nuestras tres tiendas.",
        ("cybersecurity",),
    ),
    "it-ecommerce": (
        "it",
        "Formazione sul commercio elettronico per la nostra cantina",
        "I dipendenti hanno imparato a gestire il negozio online, le spedizioni all'estero e "
        "le recensioni dei clienti, con un tutor esterno per sei mesi.",
        ("digital-marketing",),
    ),
    "it-ia": (
        "it",
        "Intelligenza artificiale in officina",
        "Con brevi lezioni settimanali i meccanici usano strumenti di intelligenza artificiale "
        "per la diagnosi dei guasti e per preparare i preventivi.",
        ("artificial-intelligence",),
    ),
    "pl-cyber": (
        "pl",
        "Szkolenia z cyberbezpieczeństwa dla biura rachunkowego",
        "Pracownicy uczą się rozpoznawać fałszywe wiadomości i bezpiecznie przechowywać "
        "dokumenty klientów. Szkolenia prowadzi nasz informatyk raz w miesiącu.",
        ("cybersecurity",),
    ),
    "pl-programowanie": (
        "pl",
        "Nauka programowania w małej drukarni",
        "Dwóch operatorów maszyn uczy się programowania w Pythonie, aby zautomatyzować "
        "przygotowanie plików do druku.",
        ("software-development", "automation"),
    ),
    "nl-marketing": (
        "nl",
        "Opleidingen digitale marketing voor onze bloemisterij",
        "Medewerkers leerden sociale media en nieuwsbrieven te gebruiken om klanten te bereiken. "
        "Elke vrijdag delen ze wat werkte.",
        ("digital-marketing",),
    ),
    "nl-samenwerken": (
        "nl",
        "Samenwerken op afstand met gedeelde agenda's",
        "Ons installatiebedrijf leerde monteurs werken met gedeelde agenda's en videogesprekken, "
        "zodat de planning niet meer op papier staat.",
        ("collaboration",),
    ),
    "pt-nuvem": (
        "pt",
        "Formação em computação em nuvem para a nossa serralharia",
        "Os colaboradores aprenderam a guardar desenhos técnicos e orçamentos na nuvem e a "
        "partilhá-los com os clientes.",
        ("cloud",),
    ),
    "en-spreadsheet": (
        "en",
        "Spreadsheet workshops for the accounts team",
        "Our bookkeeper runs spreadsheet workshops every Friday: pivot tables, lookups and "
        "charts, so that the shop managers keep their own stock figures.",
        ("basic-digital-skills",),
    ),
    "en-gdpr": (
        "en",
        "Data protection training after a phishing incident",
        "After a phishing incident, every employee took a short course on data protection and "
        "the GDPR: consent, deleting personal data and reporting a breach.",
        ("cybersecurity",),
    ),
    "en-cad": (
        "en",
        "Teaching our carpenters 3D design software",
        "Two carpenters learnt 3D modelling in evening classes and now teach the others to draw "
        "kitchens before cutting any wood.",
        ("software-development",),
    ),
}

# (query, interface language of the page, kind, expected target keys)
QUERIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    # --- inflections -------------------------------------------------------------------------
    ("formation cybersécurité", "fr", "inflection", ("fr-cyber",)),
    ("formations", "fr", "inflection", ("fr-cyber",)),
    ("artisan", "fr", "inflection", ("fr-cyber",)),
    ("tableurs", "fr", "inflection", ("fr-tableur",)),
    ("Schulung Datensicherheit", "de", "inflection", ("de-schulung",)),
    ("Schulungen", "de", "inflection", ("de-schulung",)),
    ("Handwerksbetriebe", "de", "inflection", ("de-schulung",)),
    ("Bäckereien", "de", "inflection", ("de-buchhaltung",)),
    ("formaciones", "es", "inflection", ("es-datos",)),
    ("comercio pequeño", "es", "inflection", ("es-ciber",)),
    ("formazioni commercio elettronico", "it", "inflection", ("it-ecommerce",)),
    ("officine", "it", "inflection", ("it-ia",)),
    ("szkolenie cyberbezpieczeństwo", "pl", "inflection", ("pl-cyber",)),
    ("drukarnia", "pl", "inflection", ("pl-programowanie",)),
    ("opleiding marketing", "nl", "inflection", ("nl-marketing",)),
    ("bloemisterijen", "nl", "inflection", ("nl-marketing",)),
    ("serralharias", "pt", "inflection", ("pt-nuvem",)),
    ("carpenter", "en", "inflection", ("en-cad",)),
    # --- accents missing ---------------------------------------------------------------------
    ("cybersecurite", "fr", "accents", ("fr-cyber",)),
    ("securite artisans", "fr", "accents", ("fr-cyber",)),
    ("boulangerie tableur collegues", "fr", "accents", ("fr-tableur",)),
    ("Loschung Daten", "de", "accents", ("de-schulung",)),
    ("Backerei Buchhaltung", "de", "accents", ("de-buchhaltung",)),
    ("analisis de datos", "es", "accents", ("es-datos",)),
    ("formacion analisis", "es", "accents", ("es-datos",)),
    ("cyberbezpieczenstwa", "pl", "accents", ("pl-cyber",)),
    ("formacao nuvem", "pt", "accents", ("pt-nuvem",)),
    # --- one typo ----------------------------------------------------------------------------
    ("cibersegurdad", "es", "typo", ("es-ciber",)),
    ("Schullung", "de", "typo", ("de-schulung",)),
    ("cybersecurte", "fr", "typo", ("fr-cyber",)),
    ("inteligenza artificiale", "it", "typo", ("it-ia",)),
    ("bloemisterji", "nl", "typo", ("nl-marketing",)),
    ("spreadshet", "en", "typo", ("en-spreadsheet",)),
    # --- several words -----------------------------------------------------------------------
    ("spreadsheet workshops accounts", "en", "words", ("en-spreadsheet",)),
    ("phishing data protection", "en", "words", ("en-gdpr",)),
    ("hojas de cálculo ventas tienda", "es", "words", ("es-datos",)),
    ("negozio online recensioni clienti", "it", "words", ("it-ecommerce",)),
    ("gedeelde agenda monteurs", "nl", "words", ("nl-samenwerken",)),
    ("programowania drukarni", "pl", "words", ("pl-programowanie",)),
    ("Rechnungen Smartphone Belege", "de", "words", ("de-buchhaltung",)),
    # --- exact (controls) --------------------------------------------------------------------
    ("CIBERSEGURIDAD", "es", "exact", ("es-ciber",)),
    ("Intelligenza artificiale", "it", "exact", ("it-ia",)),
    # --- another language's word, linked by the skill taxonomy --------------------------------
    ("tableur", "en", "crosslang", ("en-spreadsheet",)),
    ("Tabellenkalkulation", "de", "crosslang", ("en-spreadsheet", "fr-tableur")),
    ("Datenschutz", "de", "crosslang", ("en-gdpr",)),
    ("cybersecurity", "en", "crosslang", ("fr-cyber", "es-ciber", "pl-cyber")),
    ("Cybersicherheit", "de", "crosslang", ("fr-cyber", "es-ciber", "pl-cyber")),
)

# crosslang query → the taxonomy words it is linked to (checked against skillup/plain_skills.py)
CROSSLANG_LINKS: dict[str, tuple[str, ...]] = {
    "tableur": ("spreadsheet",),
    "Tabellenkalkulation": ("spreadsheet", "tableur"),
    "Datenschutz": ("data protection", "gdpr"),
    "cybersecurity": ("cybersécurité",),
    "Cybersicherheit": ("cybersecurity", "cybersécurité"),
}

# --- the background --------------------------------------------------------------------------
# per language: title subjects, title openers, sentences (common words of the targets appear in
# the sentences, never their distinctive words in a title)
_BACKGROUND = {
    "en": {
        "open": [
            "Learning",
            "Getting started with",
            "A year of",
            "Weekly sessions on",
            "Our staff and",
            "Mentoring for",
        ],
        "subject": [
            "social media for the bakery",
            "online invoicing",
            "a new booking system",
            "customer service by chat",
            "video calls with suppliers",
            "the web shop",
            "warehouse scanners",
            "email newsletters",
            "photo editing for the catalogue",
            "a shared calendar",
            "route planning for deliveries",
            "the loyalty app",
        ],
        "sentences": [
            "Next year we plan spreadsheet lessons as well.",
            "A phishing test email was sent to everyone in spring.",
            "Every employee took part in a short training course.",
            "The team meets on Friday mornings to share what worked.",
            "Customers noticed faster answers within a month.",
            "A local trainer came twice and left written notes.",
            "We started small with two volunteers from the shop.",
            "Data about orders is now entered once instead of three times.",
            "Workplace safety rules were explained again at the same time.",
            "The managers follow progress in a simple table.",
            "Older colleagues paired with apprentices to learn the tools.",
            "The project cost less than expected and saved hours every week.",
        ],
    },
    "fr": {
        "open": [
            "Apprendre",
            "Premiers pas avec",
            "Une année de",
            "Des séances sur",
            "Nos salariés et",
            "Tutorat pour",
        ],
        "subject": [
            "les réseaux sociaux de la librairie",
            "la facturation en ligne",
            "un nouveau logiciel de réservation",
            "le service client par messagerie",
            "les visioconférences avec les fournisseurs",
            "la boutique en ligne",
            "les lecteurs de codes-barres",
            "la lettre d'information",
            "la retouche photo du catalogue",
            "l'agenda partagé",
            "les tournées de livraison",
            "l'application de fidélité",
        ],
        "sentences": [
            "Une session sur la cybersécurité est prévue l'an prochain.",
            "Le tableur de suivi des ventes est partagé avec l'équipe.",
            "Chaque salarié a suivi une formation courte.",
            "L'équipe se retrouve le vendredi matin pour partager ce qui a marché.",
            "Les clients ont remarqué des réponses plus rapides en un mois.",
            "Une formatrice locale est venue deux fois et a laissé des fiches.",
            "Nous avons commencé avec deux volontaires du magasin.",
            "Les données des commandes ne sont plus saisies trois fois.",
            "Les règles de sécurité au travail ont été rappelées en même temps.",
            "La formation continue est organisée pendant les heures de travail.",
            "Les collègues plus âgés travaillent en binôme avec les apprentis.",
            "Le projet a coûté moins que prévu et fait gagner des heures chaque semaine.",
        ],
    },
    "de": {
        "open": [
            "Lernen:",
            "Erste Schritte mit",
            "Ein Jahr",
            "Wöchentliche Termine zu",
            "Unser Team und",
            "Patenschaften für",
        ],
        "subject": [
            "soziale Medien für die Buchhandlung",
            "Online-Rechnungen",
            "ein neues Buchungssystem",
            "Kundenservice per Chat",
            "Videokonferenzen mit Lieferanten",
            "der Webshop",
            "Scanner im Lager",
            "der Newsletter",
            "Bildbearbeitung für den Katalog",
            "Tourenplanung",
            "die Kundenkarte als App",
            "digitale Zeiterfassung",
        ],
        "sentences": [
            "Eine Schulung zur Datensicherheit folgt im Herbst.",
            "Die Buchhaltung erhält die Belege jetzt per E-Mail.",
            "Alle Beschäftigten haben an einer kurzen Schulung teilgenommen.",
            "Das Team trifft sich freitags, um Erfahrungen auszutauschen.",
            "Kunden bemerkten nach einem Monat schnellere Antworten.",
            "Eine Trainerin aus der Region kam zweimal und ließ Unterlagen da.",
            "Wir haben mit zwei Freiwilligen aus dem Laden angefangen.",
            "Die Daten der Bestellungen werden nur noch einmal erfasst.",
            "Die Regeln zur Arbeitssicherheit wurden dabei wiederholt.",
            "Die Schulung findet während der Arbeitszeit statt.",
            "Ältere Kolleginnen lernen gemeinsam mit den Auszubildenden.",
            "Das Projekt war günstiger als gedacht und spart jede Woche Stunden.",
        ],
    },
    "es": {
        "open": [
            "Aprender",
            "Primeros pasos con",
            "Un año de",
            "Sesiones semanales sobre",
            "Nuestro equipo y",
            "Mentoría para",
        ],
        "subject": [
            "las redes sociales de la librería",
            "la facturación electrónica",
            "un nuevo sistema de reservas",
            "la atención al cliente por chat",
            "las videollamadas con proveedores",
            "la tienda online",
            "los lectores de códigos",
            "el boletín de noticias",
            "la edición de fotos del catálogo",
            "la agenda compartida",
            "las rutas de reparto",
            "la aplicación de fidelización",
        ],
        "sentences": [
            "El año que viene habrá un taller de ciberseguridad.",
            "Las hojas de cálculo de ventas se comparten con todos.",
            "Todos los empleados hicieron una formación breve.",
            "El equipo se reúne los viernes para compartir lo que funcionó.",
            "Los clientes notaron respuestas más rápidas en un mes.",
            "Una formadora local vino dos veces y dejó fichas.",
            "Empezamos con dos voluntarios de la tienda.",
            "Los datos de los pedidos ya no se introducen tres veces.",
            "Se repasaron también las normas de seguridad laboral.",
            "El análisis de mercado lo hace ahora la propia gerente.",
            "Los compañeros mayores trabajan en pareja con los aprendices.",
            "El proyecto costó menos de lo previsto y ahorra horas cada semana.",
        ],
    },
    "it": {
        "open": [
            "Imparare",
            "Primi passi con",
            "Un anno di",
            "Incontri settimanali su",
            "Il nostro personale e",
            "Affiancamento per",
        ],
        "subject": [
            "i social network della libreria",
            "la fatturazione elettronica",
            "un nuovo sistema di prenotazione",
            "l'assistenza clienti in chat",
            "le videochiamate con i fornitori",
            "il sito web",
            "i lettori di codici",
            "la newsletter",
            "il fotoritocco del catalogo",
            "l'agenda condivisa",
            "i giri di consegna",
            "l'app fedeltà",
        ],
        "sentences": [
            "Il prossimo anno seguirà un corso di intelligenza artificiale.",
            "Anche il commercio elettronico è in programma.",
            "Tutti i dipendenti hanno seguito una breve formazione.",
            "La squadra si riunisce il venerdì per condividere ciò che ha funzionato.",
            "I clienti hanno notato risposte più rapide in un mese.",
            "Una formatrice locale è venuta due volte e ha lasciato delle schede.",
            "Abbiamo iniziato con due volontari del punto vendita.",
            "I dati degli ordini non vengono più inseriti tre volte.",
            "Sono state ripassate anche le regole di sicurezza sul lavoro.",
            "La formazione si svolge durante l'orario di lavoro.",
            "I colleghi più anziani lavorano in coppia con gli apprendisti.",
            "Il progetto è costato meno del previsto e fa risparmiare ore ogni settimana.",
        ],
    },
    "pl": {
        "open": [
            "Nauka:",
            "Pierwsze kroki z",
            "Rok z",
            "Cotygodniowe spotkania o",
            "Nasz zespół i",
            "Mentoring dla",
        ],
        "subject": [
            "media społecznościowe księgarni",
            "faktury elektroniczne",
            "nowy system rezerwacji",
            "obsługa klienta na czacie",
            "wideorozmowy z dostawcami",
            "sklep internetowy",
            "skanery w magazynie",
            "newsletter",
            "obróbka zdjęć do katalogu",
            "wspólny kalendarz",
            "planowanie tras dostaw",
            "aplikacja lojalnościowa",
        ],
        "sentences": [
            "W przyszłym roku planujemy szkolenia z cyberbezpieczeństwa.",
            "Chcemy też spróbować programowania.",
            "Wszyscy pracownicy przeszli krótkie szkolenie.",
            "Zespół spotyka się w piątki, aby dzielić się doświadczeniami.",
            "Klienci zauważyli szybsze odpowiedzi po miesiącu.",
            "Lokalna trenerka przyjechała dwa razy i zostawiła materiały.",
            "Zaczęliśmy od dwóch ochotników ze sklepu.",
            "Dane zamówień wpisujemy teraz tylko raz.",
            "Przypomniano też zasady bezpieczeństwa pracy.",
            "Szkolenie odbywa się w godzinach pracy.",
            "Starsi koledzy pracują w parach z praktykantami.",
            "Projekt kosztował mniej, niż zakładaliśmy, i oszczędza godziny co tydzień.",
        ],
    },
    "nl": {
        "open": [
            "Leren:",
            "Eerste stappen met",
            "Een jaar",
            "Wekelijkse sessies over",
            "Ons personeel en",
            "Begeleiding bij",
        ],
        "subject": [
            "sociale media van de boekhandel",
            "digitaal factureren",
            "een nieuw reserveringssysteem",
            "klantenservice via chat",
            "videogesprekken met leveranciers",
            "de webwinkel",
            "scanners in het magazijn",
            "de nieuwsbrief",
            "fotobewerking voor de catalogus",
            "routeplanning",
            "de klantenkaart-app",
            "digitale urenregistratie",
        ],
        "sentences": [
            "Volgend jaar volgt een opleiding over digitale marketing.",
            "De planning staat nu in een gedeelde agenda.",
            "Alle medewerkers volgden een korte opleiding.",
            "Het team komt op vrijdag samen om te delen wat werkte.",
            "Klanten merkten binnen een maand snellere antwoorden.",
            "Een trainer uit de regio kwam twee keer en liet hand-outs achter.",
            "We begonnen met twee vrijwilligers uit de winkel.",
            "De gegevens van bestellingen worden nog maar één keer ingevoerd.",
            "De regels voor veiligheid op het werk werden tegelijk herhaald.",
            "De opleiding vindt plaats tijdens werktijd.",
            "Oudere collega's werken samen met de leerlingen.",
            "Het project kostte minder dan verwacht en bespaart elke week uren.",
        ],
    },
    "pt": {
        "open": [
            "Aprender",
            "Primeiros passos com",
            "Um ano de",
            "Sessões semanais sobre",
            "A nossa equipa e",
            "Mentoria para",
        ],
        "subject": [
            "as redes sociais da livraria",
            "a faturação eletrónica",
            "um novo sistema de reservas",
            "o apoio ao cliente por chat",
            "as videochamadas com fornecedores",
            "a loja online",
            "os leitores de códigos",
            "a newsletter",
            "a edição de fotografias do catálogo",
            "a agenda partilhada",
            "as rotas de entrega",
            "a aplicação de fidelização",
        ],
        "sentences": [
            "Para o ano haverá formação em computação em nuvem.",
            "Os orçamentos são enviados aos clientes por email.",
            "Todos os colaboradores fizeram uma formação curta.",
            "A equipa reúne-se à sexta-feira para partilhar o que resultou.",
            "Os clientes notaram respostas mais rápidas num mês.",
            "Uma formadora local veio duas vezes e deixou fichas.",
            "Começámos com dois voluntários da loja.",
            "Os dados das encomendas já não são introduzidos três vezes.",
            "As regras de segurança no trabalho foram revistas ao mesmo tempo.",
            "A formação decorre durante o horário de trabalho.",
            "Os colegas mais velhos trabalham em par com os aprendizes.",
            "O projeto custou menos do que o previsto e poupa horas todas as semanas.",
        ],
    },
}


def background(rng: random.Random) -> list[tuple[str, str, str]]:
    """(language, title, description) of the background practices."""
    rows = []
    for language in LANGUAGES:
        words = _BACKGROUND[language]
        for _ in range(BACKGROUND_PER_LANGUAGE):
            title = f"{rng.choice(words['open'])} {rng.choice(words['subject'])}"
            sentences = rng.sample(words["sentences"], rng.randint(2, 4))
            rows.append((language, title[0].upper() + title[1:], " ".join(sentences)))
    return rows
