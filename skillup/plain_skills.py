"""Plain words for the skill taxonomy, in the interface's languages (settings.LANGUAGES).

SMEs do not speak framework ("A.1 IS and Business Strategy Alignment"): the needs form shows and
searches these words instead. For every competence of matching/fixtures/taxonomy.json (keyed by
framework key and code) there is, per language, a plain label, a one-line description and
synonyms (the words people type: tools, everyday terms, acronyms). Areas and frameworks have a
plain name too.

The words are SkillUp's own, written for SMEs: an adaptation of DigComp 2.2 (CC BY 4.0, credited
on the skills page) and our own wording for the e-CF 4.0 competences, whose descriptors are not
reproduced (only their codes and titles are shipped; see ../shared/reference/taxonomies.md). The
needs form shows each competence's code beside its plain words in the search results and, when
listing them all, says the words are ours and links to the frameworks' own terms.

Pure data, no ORM: tests/matching/test_skill_search.py checks that every competence of the
fixture has its words in every language. It lives on the floor of the house (skillup) because two
apps read it: matching (the needs form's search) and practices (search across languages,
practices/search_expansion.py), and practices may not import matching.
"""

from typing import NamedTuple

from django.utils.translation import get_language

LANGUAGES = ("en", "fr", "de", "es", "it", "pl", "nl")
FALLBACK_LANGUAGE = "en"


class Plain(NamedTuple):
    label: str
    description: str
    synonyms: tuple[str, ...]


def language_of(language: str | None = None) -> str:
    """One of LANGUAGES: the given one or the active one ("fr-be" → "fr"), English otherwise."""
    code = (language or get_language() or FALLBACK_LANGUAGE).lower().split("-")[0]
    return code if code in LANGUAGES else FALLBACK_LANGUAGE


# framework key → {language: plain name}
FRAMEWORKS: dict[str, dict[str, str]] = {
    "digcomp": {
        "en": "Everyday digital skills",
        "fr": "Compétences numériques du quotidien",
        "de": "Digitale Alltagskompetenzen",
        "es": "Competencias digitales cotidianas",
        "it": "Competenze digitali di tutti i giorni",
        "pl": "Codzienne umiejętności cyfrowe",
        "nl": "Digitale basisvaardigheden",
    },
    "ecf": {
        "en": "IT specialist skills",
        "fr": "Compétences informatiques spécialisées",
        "de": "IT-Fachkompetenzen",
        "es": "Competencias informáticas especializadas",
        "it": "Competenze informatiche specialistiche",
        "pl": "Specjalistyczne umiejętności informatyczne",
        "nl": "Specialistische IT-vaardigheden",
    },
    "advanced": {
        "en": "Advanced technologies",
        "fr": "Technologies avancées",
        "de": "Zukunftstechnologien",
        "es": "Tecnologías avanzadas",
        "it": "Tecnologie avanzate",
        "pl": "Zaawansowane technologie",
        "nl": "Geavanceerde technologieën",
    },
}

# (framework key, area code) → {language: plain name}; the advanced digital areas have no area
AREAS: dict[tuple[str, str], dict[str, str]] = {
    ("digcomp", "1"): {
        "en": "Finding and managing information",
        "fr": "Trouver et gérer l’information",
        "de": "Informationen finden und verwalten",
        "es": "Buscar y gestionar información",
        "it": "Cercare e gestire le informazioni",
        "pl": "Wyszukiwanie informacji i zarządzanie nimi",
        "nl": "Informatie zoeken en beheren",
    },
    ("digcomp", "2"): {
        "en": "Communicating and working together online",
        "fr": "Communiquer et collaborer en ligne",
        "de": "Online kommunizieren und zusammenarbeiten",
        "es": "Comunicarse y colaborar en línea",
        "it": "Comunicare e collaborare online",
        "pl": "Komunikacja i współpraca online",
        "nl": "Online communiceren en samenwerken",
    },
    ("digcomp", "3"): {
        "en": "Creating digital content",
        "fr": "Créer des contenus numériques",
        "de": "Digitale Inhalte erstellen",
        "es": "Crear contenidos digitales",
        "it": "Creare contenuti digitali",
        "pl": "Tworzenie treści cyfrowych",
        "nl": "Digitale inhoud maken",
    },
    ("digcomp", "4"): {
        "en": "Staying safe online",
        "fr": "Sécurité et protection",
        "de": "Sicherheit und Schutz",
        "es": "Seguridad y protección",
        "it": "Sicurezza e protezione",
        "pl": "Bezpieczeństwo i ochrona",
        "nl": "Veiligheid en bescherming",
    },
    ("digcomp", "5"): {
        "en": "Solving problems with digital tools",
        "fr": "Résoudre des problèmes grâce au numérique",
        "de": "Probleme mit digitalen Mitteln lösen",
        "es": "Resolver problemas con herramientas digitales",
        "it": "Risolvere problemi con gli strumenti digitali",
        "pl": "Rozwiązywanie problemów za pomocą narzędzi cyfrowych",
        "nl": "Problemen oplossen met digitale middelen",
    },
    ("ecf", "A"): {
        "en": "Planning IT",
        "fr": "Planifier l’informatique",
        "de": "IT planen",
        "es": "Planificar la informática",
        "it": "Pianificare l’informatica",
        "pl": "Planowanie IT",
        "nl": "IT plannen",
    },
    ("ecf", "B"): {
        "en": "Building software and systems",
        "fr": "Développer logiciels et systèmes",
        "de": "Software und Systeme entwickeln",
        "es": "Desarrollar software y sistemas",
        "it": "Sviluppare software e sistemi",
        "pl": "Tworzenie oprogramowania i systemów",
        "nl": "Software en systemen bouwen",
    },
    ("ecf", "C"): {
        "en": "Running IT and supporting users",
        "fr": "Exploiter l’informatique et assister les utilisateurs",
        "de": "IT betreiben und Nutzer unterstützen",
        "es": "Gestionar la informática y dar soporte a los usuarios",
        "it": "Gestire l’informatica e assistere gli utenti",
        "pl": "Utrzymanie IT i wsparcie użytkowników",
        "nl": "IT beheren en gebruikers ondersteunen",
    },
    ("ecf", "D"): {
        "en": "Security, data, marketing, purchasing and training",
        "fr": "Sécurité, données, marketing, achats et formation",
        "de": "Sicherheit, Daten, Marketing, Einkauf und Schulung",
        "es": "Seguridad, datos, marketing, compras y formación",
        "it": "Sicurezza, dati, marketing, acquisti e formazione",
        "pl": "Bezpieczeństwo, dane, marketing, zakupy i szkolenia",
        "nl": "Beveiliging, data, marketing, inkoop en opleiding",
    },
    ("ecf", "E"): {
        "en": "Managing IT: projects, risks, quality",
        "fr": "Piloter l’informatique : projets, risques, qualité",
        "de": "IT steuern: Projekte, Risiken, Qualität",
        "es": "Dirigir la informática: proyectos, riesgos, calidad",
        "it": "Governare l’informatica: progetti, rischi, qualità",
        "pl": "Zarządzanie IT: projekty, ryzyko, jakość",
        "nl": "IT aansturen: projecten, risico’s, kwaliteit",
    },
}

# (framework key, competence code) → {language: (label, one-line description, synonyms)}
_SKILLS: dict[tuple[str, str], dict[str, tuple[str, str, str]]] = {
    # ---------------------------------------------------------------------------------------
    # DigComp 2.2
    # ---------------------------------------------------------------------------------------
    ("digcomp", "1.1"): {
        "en": (
            "Searching the web effectively",
            "Finding reliable information online with search engines, filters and alerts.",
            "google, search engine, research, internet search, online search, browsing, "
            "keywords, filters, market research",
        ),
        "fr": (
            "Rechercher efficacement sur internet",
            "Trouver des informations fiables en ligne avec moteurs de recherche, filtres et "
            "alertes.",
            "google, moteur de recherche, recherche, recherche en ligne, navigation, web, veille, "
            "mots-clés, filtres, étude de marché",
        ),
        "de": (
            "Effektiv im Internet suchen",
            "Verlässliche Informationen online mit Suchmaschinen, Filtern und Benachrichtigungen "
            "finden.",
            "google, suchmaschine, recherche, internetsuche, onlinesuche, browser, surfen, "
            "stichwörter, filter, marktforschung",
        ),
        "es": (
            "Buscar en internet de forma eficaz",
            "Encontrar información fiable en línea con buscadores, filtros y alertas.",
            "google, buscador, motor de búsqueda, búsqueda, búsqueda en internet, búsqueda en "
            "línea, navegación, web, palabras clave, filtros, estudio de mercado",
        ),
        "it": (
            "Cercare in modo efficace su internet",
            "Trovare informazioni affidabili online con motori di ricerca, filtri e avvisi.",
            "google, motore di ricerca, ricerca, ricerca su internet, ricerca online, "
            "navigazione, web, parole chiave, filtri, ricerca di mercato",
        ),
        "pl": (
            "Skuteczne wyszukiwanie w internecie",
            "Znajdowanie wiarygodnych informacji w sieci za pomocą wyszukiwarek, filtrów i "
            "alertów.",
            "google, wyszukiwarka, wyszukiwanie, wyszukiwanie w internecie, szukanie w sieci, "
            "przeglądanie, przeglądarka, słowa kluczowe, filtry, badanie rynku",
        ),
        "nl": (
            "Doeltreffend zoeken op internet",
            "Betrouwbare informatie online vinden met zoekmachines, filters en meldingen.",
            "google, zoekmachine, zoeken, internet zoeken, online zoeken, surfen, browser, "
            "trefwoorden, zoekwoorden, filters, marktonderzoek",
        ),
    },
    ("digcomp", "1.2"): {
        "en": (
            "Judging whether information is reliable",
            "Checking sources, spotting fake news and misleading figures.",
            "fact checking, fake news, misinformation, disinformation, sources, credibility, "
            "verify, reliable",
        ),
        "fr": (
            "Évaluer la fiabilité de l’information",
            "Vérifier les sources, repérer les fausses nouvelles et les chiffres trompeurs.",
            "vérification, fake news, infox, fausses informations, désinformation, sources, "
            "crédibilité, fiabilité",
        ),
        "de": (
            "Informationen kritisch prüfen",
            "Quellen prüfen, Falschmeldungen und irreführende Zahlen erkennen.",
            "faktencheck, fake news, falschmeldungen, falschinformationen, desinformation, "
            "quellen, glaubwürdigkeit, verlässlichkeit",
        ),
        "es": (
            "Evaluar la fiabilidad de la información",
            "Comprobar las fuentes y detectar noticias falsas y cifras engañosas.",
            "verificación de datos, fake news, noticias falsas, bulos, desinformación, fuentes, "
            "credibilidad, verificar, fiable",
        ),
        "it": (
            "Valutare l’affidabilità delle informazioni",
            "Verificare le fonti, riconoscere notizie false e dati fuorvianti.",
            "verifica dei fatti, fact checking, fake news, notizie false, bufale, "
            "disinformazione, fonti, credibilità, verificare, affidabile",
        ),
        "pl": (
            "Ocena wiarygodności informacji",
            "Sprawdzanie źródeł, rozpoznawanie fałszywych wiadomości i mylących danych.",
            "weryfikacja faktów, fact checking, fake news, fałszywe wiadomości, dezinformacja, "
            "źródła, wiarygodność, weryfikacja, rzetelność",
        ),
        "nl": (
            "Beoordelen of informatie betrouwbaar is",
            "Bronnen controleren, nepnieuws en misleidende cijfers herkennen.",
            "factchecking, feiten controleren, fake news, nepnieuws, desinformatie, "
            "misinformatie, bronnen, geloofwaardigheid, controleren, betrouwbaar",
        ),
    },
    ("digcomp", "1.3"): {
        "en": (
            "Organising data and spreadsheets",
            "Storing, sorting and finding files and data, e.g. in folders, spreadsheets or "
            "simple databases.",
            "excel, spreadsheet, google sheets, libreoffice calc, tables, files, folders, "
            "documents, filing, database, data entry, lists, csv, storage",
        ),
        "fr": (
            "Organiser ses données et tableurs",
            "Ranger, trier et retrouver fichiers et données, par exemple dans des dossiers, des "
            "tableurs ou des bases simples.",
            "excel, tableur, tableau, feuille de calcul, google sheets, libreoffice calc, "
            "fichiers, dossiers, documents, classement, base de données, saisie, listes, csv, "
            "stockage",
        ),
        "de": (
            "Daten und Tabellen organisieren",
            "Dateien und Daten ablegen, sortieren und wiederfinden, z. B. in Ordnern, "
            "Tabellenkalkulationen oder einfachen Datenbanken.",
            "excel, tabellenkalkulation, tabelle, google sheets, libreoffice calc, dateien, "
            "ordner, dokumente, ablage, datenbank, dateneingabe, listen, csv, speicherung",
        ),
        "es": (
            "Organizar datos y hojas de cálculo",
            "Guardar, ordenar y encontrar archivos y datos, por ejemplo en carpetas, hojas de "
            "cálculo o bases de datos sencillas.",
            "excel, hoja de cálculo, hojas de cálculo, google sheets, libreoffice calc, tablas, "
            "archivos, ficheros, carpetas, documentos, archivo, base de datos, introducción de "
            "datos, listas, csv, almacenamiento",
        ),
        "it": (
            "Organizzare dati e fogli di calcolo",
            "Archiviare, ordinare e ritrovare file e dati, per esempio in cartelle, fogli di "
            "calcolo o semplici banche dati.",
            "excel, foglio di calcolo, fogli di calcolo, foglio elettronico, google sheets, "
            "libreoffice calc, tabelle, file, cartelle, documenti, archiviazione, banca dati, "
            "database, inserimento dati, elenchi, csv",
        ),
        "pl": (
            "Porządkowanie danych i arkuszy kalkulacyjnych",
            "Przechowywanie, porządkowanie i odnajdywanie plików oraz danych, np. w folderach, "
            "arkuszach lub bazach danych.",
            "excel, arkusz kalkulacyjny, arkusze kalkulacyjne, arkusz, google sheets, arkusze "
            "google, libreoffice calc, tabele, pliki, foldery, dokumenty, archiwizacja, baza "
            "danych, wprowadzanie danych, listy, csv, przechowywanie",
        ),
        "nl": (
            "Gegevens en spreadsheets ordenen",
            "Bestanden en gegevens opslaan, sorteren en terugvinden, bijvoorbeeld in mappen, "
            "spreadsheets of eenvoudige databanken.",
            "excel, spreadsheet, rekenblad, werkblad, google sheets, libreoffice calc, tabellen, "
            "bestanden, mappen, documenten, archiveren, databank, database, gegevensinvoer, "
            "lijsten, csv, opslag",
        ),
    },
    ("digcomp", "2.1"): {
        "en": (
            "Communicating with digital tools",
            "Using email, chat, video calls and messaging to talk with customers and colleagues.",
            "email, e-mail, mail, chat, video call, videoconference, teams, zoom, whatsapp, "
            "messaging, phone, voip, outlook",
        ),
        "fr": (
            "Communiquer avec les outils numériques",
            "Utiliser e-mail, messagerie, visioconférence et chat pour échanger avec clients et "
            "collègues.",
            "email, e-mail, courriel, mail, messagerie, chat, visio, visioconférence, teams, "
            "zoom, whatsapp, téléphonie, outlook",
        ),
        "de": (
            "Digital kommunizieren",
            "E-Mail, Chat, Videoanrufe und Messenger nutzen, um mit Kunden und Kollegen zu "
            "sprechen.",
            "email, e-mail, mail, chat, videoanruf, videokonferenz, teams, zoom, whatsapp, "
            "messenger, telefonie, outlook",
        ),
        "es": (
            "Comunicarse con herramientas digitales",
            "Utilizar el correo electrónico, el chat, las videollamadas y la mensajería para "
            "hablar con clientes y compañeros.",
            "correo electrónico, email, e-mail, correo, chat, videollamada, videoconferencia, "
            "teams, zoom, whatsapp, mensajería, teléfono, voip, outlook",
        ),
        "it": (
            "Comunicare con gli strumenti digitali",
            "Usare e-mail, chat, videochiamate e messaggistica per parlare con clienti e colleghi.",
            "e-mail, email, posta elettronica, posta, chat, videochiamata, videoconferenza, "
            "teams, zoom, whatsapp, messaggistica, telefono, voip, outlook",
        ),
        "pl": (
            "Komunikacja za pomocą narzędzi cyfrowych",
            "Korzystanie z poczty elektronicznej, czatu, wideorozmów i komunikatorów w kontaktach "
            "z klientami i współpracownikami.",
            "e-mail, email, poczta elektroniczna, poczta, mail, czat, wideorozmowa, "
            "wideokonferencja, teams, zoom, whatsapp, komunikator, telefon, voip, outlook",
        ),
        "nl": (
            "Communiceren met digitale middelen",
            "E-mail, chat, videobellen en berichtenapps gebruiken om met klanten en collega’s te "
            "praten.",
            "e-mail, email, mail, chat, videobellen, videogesprek, videoconferentie, teams, zoom, "
            "whatsapp, berichten, telefoon, voip, outlook",
        ),
    },
    ("digcomp", "2.2"): {
        "en": (
            "Sharing files and information",
            "Sharing documents, links and content safely with the right people.",
            "file sharing, share, dropbox, google drive, onedrive, wetransfer, links, "
            "attachments, sharepoint",
        ),
        "fr": (
            "Partager fichiers et informations",
            "Partager documents, liens et contenus en toute sécurité avec les bonnes personnes.",
            "partage, partager, partage de fichiers, dropbox, google drive, onedrive, "
            "wetransfer, liens, pièces jointes, sharepoint",
        ),
        "de": (
            "Dateien und Informationen teilen",
            "Dokumente, Links und Inhalte sicher mit den richtigen Personen teilen.",
            "teilen, dateifreigabe, freigabe, dropbox, google drive, onedrive, wetransfer, "
            "links, anhänge, sharepoint",
        ),
        "es": (
            "Compartir archivos e información",
            "Compartir documentos, enlaces y contenidos de forma segura con las personas "
            "adecuadas.",
            "compartir archivos, compartir, dropbox, google drive, onedrive, wetransfer, enlaces, "
            "adjuntos, sharepoint",
        ),
        "it": (
            "Condividere file e informazioni",
            "Condividere documenti, link e contenuti in modo sicuro con le persone giuste.",
            "condivisione di file, condividere, dropbox, google drive, onedrive, wetransfer, "
            "link, allegati, sharepoint",
        ),
        "pl": (
            "Udostępnianie plików i informacji",
            "Bezpieczne udostępnianie dokumentów, linków i treści właściwym osobom.",
            "udostępnianie plików, udostępnianie, dropbox, google drive, dysk google, onedrive, "
            "wetransfer, linki, załączniki, sharepoint",
        ),
        "nl": (
            "Bestanden en informatie delen",
            "Documenten, links en inhoud veilig delen met de juiste mensen.",
            "bestanden delen, delen, dropbox, google drive, onedrive, wetransfer, links, "
            "bijlagen, sharepoint",
        ),
    },
    ("digcomp", "2.3"): {
        "en": (
            "Using online public services",
            "Dealing with authorities online: taxes, VAT, public tenders, administration portals.",
            "e-government, public services, administration, authorities, tax, taxes, vat, "
            "public procurement, tenders, eid, online forms",
        ),
        "fr": (
            "Utiliser les services publics en ligne",
            "Faire ses démarches en ligne : impôts, TVA, marchés publics, portails de "
            "l’administration.",
            "administration, démarches en ligne, e-administration, services publics, impôts, "
            "tva, marchés publics, appels d’offres, identité numérique, formulaires",
        ),
        "de": (
            "Online-Behördendienste nutzen",
            "Behördengänge online erledigen: Steuern, Umsatzsteuer, öffentliche Ausschreibungen, "
            "Verwaltungsportale.",
            "e-government, behörden, verwaltung, öffentliche dienste, steuern, umsatzsteuer, "
            "elster, ausschreibungen, vergabe, online-antrag, formulare",
        ),
        "es": (
            "Utilizar los servicios públicos en línea",
            "Realizar trámites en línea con la administración: impuestos, IVA, licitaciones "
            "públicas, sedes electrónicas.",
            "administración electrónica, servicios públicos, administración, trámites, impuestos, "
            "iva, hacienda, contratación pública, licitaciones, certificado digital, sede "
            "electrónica, formularios en línea",
        ),
        "it": (
            "Usare i servizi pubblici online",
            "Sbrigare pratiche online con la pubblica amministrazione: tasse, IVA, appalti "
            "pubblici, portali della PA.",
            "pubblica amministrazione digitale, servizi pubblici, amministrazione, pratiche, "
            "tasse, imposte, iva, appalti pubblici, gare, spid, cie, pec, moduli online",
        ),
        "pl": (
            "Korzystanie z e-usług publicznych",
            "Załatwianie spraw urzędowych online: podatki, VAT, zamówienia publiczne, portale "
            "administracji.",
            "e-administracja, e-usługi, usługi publiczne, urząd, administracja, podatki, vat, "
            "zamówienia publiczne, przetargi, profil zaufany, epuap, e-deklaracje, formularze "
            "online",
        ),
        "nl": (
            "Online overheidsdiensten gebruiken",
            "Zaken online regelen met de overheid: belastingen, btw, overheidsopdrachten, "
            "overheidsportalen.",
            "e-overheid, overheidsdiensten, overheid, administratie, belastingen, btw, "
            "overheidsopdrachten, aanbestedingen, digid, itsme, eherkenning, online formulieren",
        ),
    },
    ("digcomp", "2.4"): {
        "en": (
            "Working together online",
            "Working on shared documents, calendars and projects with tools such as Teams or "
            "Google Workspace.",
            "collaboration, teamwork, shared documents, microsoft 365, office 365, google "
            "workspace, slack, trello, calendar, remote work, telework, intranet",
        ),
        "fr": (
            "Travailler ensemble en ligne",
            "Travailler sur des documents, agendas et projets partagés avec des outils comme "
            "Teams ou Google Workspace.",
            "collaboration, travail d’équipe, documents partagés, microsoft 365, office 365, "
            "google workspace, slack, trello, agenda, télétravail, intranet",
        ),
        "de": (
            "Online zusammenarbeiten",
            "Gemeinsam an Dokumenten, Kalendern und Projekten arbeiten, mit Werkzeugen wie Teams "
            "oder Google Workspace.",
            "zusammenarbeit, teamarbeit, gemeinsame dokumente, microsoft 365, office 365, google "
            "workspace, slack, trello, kalender, homeoffice, telearbeit, intranet",
        ),
        "es": (
            "Colaborar en línea",
            "Trabajar en documentos, calendarios y proyectos compartidos con herramientas como "
            "Teams o Google Workspace.",
            "colaboración, trabajo en equipo, documentos compartidos, microsoft 365, office 365, "
            "google workspace, slack, trello, calendario, trabajo a distancia, teletrabajo, "
            "intranet",
        ),
        "it": (
            "Collaborare online",
            "Lavorare su documenti, calendari e progetti condivisi con strumenti come Teams o "
            "Google Workspace.",
            "collaborazione, lavoro di squadra, documenti condivisi, microsoft 365, office 365, "
            "google workspace, slack, trello, calendario, lavoro a distanza, smart working, "
            "telelavoro, intranet",
        ),
        "pl": (
            "Współpraca online",
            "Praca na wspólnych dokumentach, kalendarzach i projektach w narzędziach takich jak "
            "Teams czy Google Workspace.",
            "współpraca, praca zespołowa, wspólne dokumenty, microsoft 365, office 365, google "
            "workspace, slack, trello, kalendarz, praca zdalna, telepraca, intranet",
        ),
        "nl": (
            "Online samenwerken",
            "Werken aan gedeelde documenten, agenda’s en projecten met tools zoals Teams of "
            "Google Workspace.",
            "samenwerking, samenwerken, teamwerk, gedeelde documenten, microsoft 365, office 365, "
            "google workspace, slack, trello, agenda, kalender, thuiswerk, telewerk, intranet",
        ),
    },
    ("digcomp", "2.5"): {
        "en": (
            "Good manners online",
            "Communicating respectfully and appropriately online, also with customers from other "
            "cultures.",
            "netiquette, etiquette, tone, online behaviour, customer reviews, respectful, "
            "cultural differences, moderation",
        ),
        "fr": (
            "Savoir-vivre en ligne",
            "Communiquer en ligne de façon respectueuse et adaptée, y compris avec des clients "
            "d’autres cultures.",
            "nétiquette, étiquette, ton, comportement en ligne, avis clients, respect, "
            "différences culturelles, modération",
        ),
        "de": (
            "Umgangsformen im Netz",
            "Online respektvoll und angemessen kommunizieren, auch mit Kunden aus anderen "
            "Kulturen.",
            "netiquette, etikette, umgangston, verhalten im netz, kundenbewertungen, respekt, "
            "kulturelle unterschiede, moderation",
        ),
        "es": (
            "Buenas maneras en línea",
            "Comunicarse en línea con respeto y de forma adecuada, también con clientes de otras "
            "culturas.",
            "netiqueta, etiqueta, tono, comportamiento en línea, opiniones de clientes, respeto, "
            "diferencias culturales, moderación",
        ),
        "it": (
            "Buone maniere online",
            "Comunicare online con rispetto e nel modo appropriato, anche con clienti di altre "
            "culture.",
            "netiquette, galateo, tono, comportamento online, recensioni dei clienti, rispetto, "
            "differenze culturali, moderazione",
        ),
        "pl": (
            "Savoir-vivre w sieci",
            "Komunikowanie się online z szacunkiem i w odpowiedni sposób, także z klientami z "
            "innych kultur.",
            "netykieta, etykieta, ton, zachowanie w sieci, opinie klientów, szacunek, różnice "
            "kulturowe, moderacja",
        ),
        "nl": (
            "Goede omgangsvormen online",
            "Online respectvol en gepast communiceren, ook met klanten uit andere culturen.",
            "netiquette, etiquette, toon, online gedrag, klantbeoordelingen, respect, culturele "
            "verschillen, moderatie",
        ),
    },
    ("digcomp", "2.6"): {
        "en": (
            "Your online identity and reputation",
            "Looking after your business's profiles, accounts and reputation on the web and "
            "social media.",
            "online reputation, e-reputation, reviews, google business profile, profiles, "
            "accounts, social media profile, brand image, linkedin",
        ),
        "fr": (
            "Votre identité et votre réputation en ligne",
            "Soigner les profils, les comptes et la réputation de l’entreprise sur le web et "
            "les réseaux sociaux.",
            "e-réputation, réputation, avis, fiche google, profils, comptes, réseaux sociaux, "
            "image de marque, linkedin",
        ),
        "de": (
            "Online-Identität und Ruf",
            "Profile, Konten und den Ruf des Unternehmens im Netz und in sozialen Medien pflegen.",
            "online-reputation, ruf, bewertungen, google unternehmensprofil, profile, konten, "
            "soziale medien, markenimage, linkedin",
        ),
        "es": (
            "Identidad y reputación en línea",
            "Cuidar los perfiles, las cuentas y la reputación de su empresa en la web y en las "
            "redes sociales.",
            "reputación en línea, reputación digital, opiniones, reseñas, perfil de empresa en "
            "google, perfiles, cuentas, perfil en redes sociales, imagen de marca, linkedin",
        ),
        "it": (
            "Identità e reputazione online",
            "Curare i profili, gli account e la reputazione della Sua impresa sul web e sui "
            "social media.",
            "reputazione online, web reputation, recensioni, profilo dell’attività su google, "
            "profili, account, profilo social, immagine del marchio, linkedin",
        ),
        "pl": (
            "Tożsamość i reputacja w sieci",
            "Dbanie o profile, konta i reputację firmy w internecie i mediach społecznościowych.",
            "reputacja w sieci, e-reputacja, opinie, recenzje, profil firmy w google, profile, "
            "konta, profil w mediach społecznościowych, wizerunek marki, linkedin",
        ),
        "nl": (
            "Uw online identiteit en reputatie",
            "De profielen, accounts en reputatie van uw onderneming op het web en op sociale "
            "media verzorgen.",
            "online reputatie, e-reputatie, beoordelingen, reviews, google-bedrijfsprofiel, "
            "profielen, accounts, profiel op sociale media, merkimago, linkedin",
        ),
    },
    ("digcomp", "3.1"): {
        "en": (
            "Creating content and web pages",
            "Making texts, presentations, images, videos and simple web pages for your business.",
            "content, word, powerpoint, presentations, canva, photos, video, design, graphics, "
            "blog, newsletter, website, web page, social media posts, writing",
        ),
        "fr": (
            "Créer des contenus et des pages web",
            "Réaliser textes, présentations, images, vidéos et pages web simples pour "
            "l’entreprise.",
            "contenu, word, powerpoint, présentations, canva, photos, vidéo, graphisme, design, "
            "blog, newsletter, site web, site internet, page web, publications, rédaction",
        ),
        "de": (
            "Inhalte und Webseiten erstellen",
            "Texte, Präsentationen, Bilder, Videos und einfache Webseiten für Ihr Unternehmen "
            "gestalten.",
            "inhalte, content, word, powerpoint, präsentationen, canva, fotos, video, grafik, "
            "design, blog, newsletter, website, homepage, beiträge, texte schreiben",
        ),
        "es": (
            "Crear contenidos y páginas web",
            "Elaborar textos, presentaciones, imágenes, vídeos y páginas web sencillas para su "
            "empresa.",
            "contenidos, word, powerpoint, presentaciones, canva, fotos, vídeo, diseño, gráficos, "
            "blog, boletín, newsletter, sitio web, página web, web, publicaciones en redes "
            "sociales, redacción",
        ),
        "it": (
            "Creare contenuti e pagine web",
            "Realizzare testi, presentazioni, immagini, video e semplici pagine web per la Sua "
            "impresa.",
            "contenuti, word, powerpoint, presentazioni, canva, foto, video, grafica, design, "
            "blog, newsletter, sito web, sito internet, pagina web, post sui social, scrittura",
        ),
        "pl": (
            "Tworzenie treści i stron internetowych",
            "Przygotowywanie tekstów, prezentacji, grafik, filmów i prostych stron internetowych "
            "dla firmy.",
            "treści, word, powerpoint, prezentacje, canva, zdjęcia, wideo, film, projektowanie, "
            "grafika, blog, newsletter, strona internetowa, strona www, witryna, posty w mediach "
            "społecznościowych, pisanie",
        ),
        "nl": (
            "Inhoud en webpagina’s maken",
            "Teksten, presentaties, afbeeldingen, video’s en eenvoudige webpagina’s maken voor uw "
            "onderneming.",
            "inhoud, content, word, powerpoint, presentaties, canva, foto’s, video, ontwerp, "
            "grafisch, blog, nieuwsbrief, website, webpagina, webstek, berichten op sociale "
            "media, schrijven",
        ),
    },
    ("digcomp", "3.2"): {
        "en": (
            "Editing and reusing content",
            "Improving and combining existing texts, images, templates and data into new content.",
            "editing, templates, photo editing, video editing, photoshop, update content, "
            "reuse, mail merge, cms, wordpress",
        ),
        "fr": (
            "Modifier et réutiliser des contenus",
            "Améliorer et combiner textes, images, modèles et données existants pour créer de "
            "nouveaux contenus.",
            "retouche, montage vidéo, modèles, gabarits, photoshop, mise à jour, réutiliser, "
            "publipostage, cms, wordpress",
        ),
        "de": (
            "Inhalte bearbeiten und wiederverwenden",
            "Vorhandene Texte, Bilder, Vorlagen und Daten verbessern und zu neuen Inhalten "
            "kombinieren.",
            "bearbeiten, vorlagen, bildbearbeitung, videoschnitt, photoshop, aktualisieren, "
            "wiederverwenden, serienbrief, cms, wordpress",
        ),
        "es": (
            "Editar y reutilizar contenidos",
            "Mejorar y combinar textos, imágenes, plantillas y datos existentes para crear "
            "contenidos nuevos.",
            "edición, plantillas, retoque fotográfico, edición de vídeo, photoshop, actualizar "
            "contenidos, reutilizar, combinar correspondencia, cms, wordpress",
        ),
        "it": (
            "Modificare e riutilizzare contenuti",
            "Migliorare e combinare testi, immagini, modelli e dati esistenti in nuovi contenuti.",
            "modifica, modelli, fotoritocco, montaggio video, photoshop, aggiornare contenuti, "
            "riutilizzare, stampa unione, cms, wordpress",
        ),
        "pl": (
            "Edycja i ponowne wykorzystanie treści",
            "Ulepszanie i łączenie istniejących tekstów, grafik, szablonów i danych w nowe treści.",
            "edycja, szablony, obróbka zdjęć, montaż wideo, photoshop, aktualizacja treści, "
            "ponowne wykorzystanie, korespondencja seryjna, cms, wordpress",
        ),
        "nl": (
            "Inhoud bewerken en hergebruiken",
            "Bestaande teksten, afbeeldingen, sjablonen en gegevens verbeteren en combineren tot "
            "nieuwe inhoud.",
            "bewerken, sjablonen, fotobewerking, videobewerking, photoshop, inhoud bijwerken, "
            "hergebruiken, samenvoegen, mailmerge, cms, wordpress",
        ),
    },
    ("digcomp", "3.3"): {
        "en": (
            "Copyright and licences",
            "Knowing which images, music, software and texts you may use, and protecting your own.",
            "copyright, licence, license, intellectual property, trademarks, creative commons, "
            "stock photos, open source, rights",
        ),
        "fr": (
            "Droits d’auteur et licences",
            "Savoir quels images, musiques, logiciels et textes vous pouvez utiliser, et "
            "protéger les vôtres.",
            "droit d’auteur, copyright, licence, propriété intellectuelle, marques, creative "
            "commons, banque d’images, logiciel libre, droits",
        ),
        "de": (
            "Urheberrecht und Lizenzen",
            "Wissen, welche Bilder, Musik, Software und Texte Sie nutzen dürfen, und die "
            "eigenen schützen.",
            "urheberrecht, copyright, lizenz, lizenzen, geistiges eigentum, marken, creative "
            "commons, bilddatenbank, open source, rechte",
        ),
        "es": (
            "Derechos de autor y licencias",
            "Saber qué imágenes, música, programas y textos puede utilizar, y proteger los suyos.",
            "derechos de autor, copyright, licencia, propiedad intelectual, marcas, creative "
            "commons, bancos de imágenes, código abierto, derechos",
        ),
        "it": (
            "Diritto d’autore e licenze",
            "Sapere quali immagini, musiche, software e testi si possono usare, e proteggere i "
            "propri.",
            "diritto d’autore, copyright, licenza, proprietà intellettuale, marchi, creative "
            "commons, foto stock, open source, diritti",
        ),
        "pl": (
            "Prawa autorskie i licencje",
            "Wiedza, z jakich zdjęć, muzyki, programów i tekstów wolno korzystać, oraz ochrona "
            "własnych.",
            "prawa autorskie, prawo autorskie, copyright, licencja, własność intelektualna, znaki "
            "towarowe, creative commons, zdjęcia stockowe, open source, otwarte oprogramowanie, "
            "prawa",
        ),
        "nl": (
            "Auteursrecht en licenties",
            "Weten welke afbeeldingen, muziek, software en teksten u mag gebruiken, en uw eigen "
            "werk beschermen.",
            "auteursrecht, copyright, licentie, intellectuele eigendom, merken, creative commons, "
            "stockfoto’s, open source, rechten",
        ),
    },
    ("digcomp", "3.4"): {
        "en": (
            "Automating tasks and simple programming",
            "Writing simple scripts, macros or no-code automations so the computer does "
            "repetitive work.",
            "programming, coding, code, excel macros, vba, python, scripts, automation, "
            "no-code, low-code, zapier, power automate, formulas",
        ),
        "fr": (
            "Automatiser des tâches et programmer",
            "Écrire des scripts simples, des macros ou des automatisations sans code pour les "
            "tâches répétitives.",
            "programmation, code, coder, macros excel, vba, python, scripts, automatisation, "
            "no-code, low-code, zapier, power automate, formules",
        ),
        "de": (
            "Aufgaben automatisieren und programmieren",
            "Einfache Skripte, Makros oder No-Code-Automatisierungen für wiederkehrende Arbeiten "
            "erstellen.",
            "programmieren, programmierung, code, excel-makros, makros, vba, python, skripte, "
            "automatisierung, no-code, low-code, zapier, power automate, formeln",
        ),
        "es": (
            "Automatizar tareas y programación sencilla",
            "Escribir scripts, macros o automatizaciones sin código sencillos para que el "
            "ordenador haga el trabajo repetitivo.",
            "programación, programar, código, macros de excel, vba, python, scripts, "
            "automatización, sin código, no-code, low-code, zapier, power automate, fórmulas",
        ),
        "it": (
            "Automatizzare attività e programmazione semplice",
            "Scrivere semplici script, macro o automazioni no-code perché il computer svolga il "
            "lavoro ripetitivo.",
            "programmazione, programmare, codice, macro di excel, vba, python, script, "
            "automazione, no-code, low-code, zapier, power automate, formule",
        ),
        "pl": (
            "Automatyzacja zadań i proste programowanie",
            "Pisanie prostych skryptów, makr lub automatyzacji bez kodu, aby komputer wykonywał "
            "powtarzalną pracę.",
            "programowanie, kodowanie, kod, makra excel, vba, python, skrypty, automatyzacja, "
            "no-code, low-code, zapier, power automate, formuły",
        ),
        "nl": (
            "Taken automatiseren en eenvoudig programmeren",
            "Eenvoudige scripts, macro’s of no-code-automatiseringen schrijven zodat de computer "
            "het herhaalwerk doet.",
            "programmeren, coderen, code, excel-macro’s, vba, python, scripts, automatisering, "
            "no-code, low-code, zapier, power automate, formules",
        ),
    },
    ("digcomp", "4.1"): {
        "en": (
            "Protecting computers and phones",
            "Keeping devices safe: updates, antivirus, passwords, backups, not falling for "
            "phishing.",
            "cybersecurity, security, antivirus, malware, virus, ransomware, phishing, "
            "passwords, updates, backup, firewall, laptop, smartphone, hacking",
        ),
        "fr": (
            "Protéger ordinateurs et téléphones",
            "Sécuriser les appareils : mises à jour, antivirus, mots de passe, sauvegardes, "
            "vigilance face à l’hameçonnage.",
            "cybersécurité, sécurité, antivirus, logiciel malveillant, virus, rançongiciel, "
            "ransomware, phishing, hameçonnage, mots de passe, mises à jour, sauvegarde, "
            "pare-feu, smartphone, piratage",
        ),
        "de": (
            "Computer und Smartphones schützen",
            "Geräte absichern: Updates, Virenschutz, Passwörter, Datensicherung, Schutz vor "
            "Phishing.",
            "cybersicherheit, it-sicherheit, sicherheit, virenschutz, antivirus, schadsoftware, "
            "malware, virus, ransomware, phishing, passwörter, updates, backup, datensicherung, "
            "firewall, smartphone, hacker",
        ),
        "es": (
            "Proteger ordenadores y teléfonos",
            "Mantener seguros los dispositivos: actualizaciones, antivirus, contraseñas, copias "
            "de seguridad, no caer en el phishing.",
            "ciberseguridad, seguridad, antivirus, malware, virus, ransomware, phishing, "
            "suplantación, contraseñas, actualizaciones, copia de seguridad, cortafuegos, "
            "firewall, portátil, móvil, smartphone, hackeo",
        ),
        "it": (
            "Proteggere computer e telefoni",
            "Tenere al sicuro i dispositivi: aggiornamenti, antivirus, password, backup, non "
            "cadere nel phishing.",
            "cybersicurezza, sicurezza informatica, sicurezza, antivirus, malware, virus, "
            "ransomware, phishing, password, aggiornamenti, backup, firewall, portatile, "
            "smartphone, hacker",
        ),
        "pl": (
            "Ochrona komputerów i telefonów",
            "Dbanie o bezpieczeństwo urządzeń: aktualizacje, antywirus, hasła, kopie zapasowe, "
            "odporność na phishing.",
            "cyberbezpieczeństwo, bezpieczeństwo, antywirus, złośliwe oprogramowanie, malware, "
            "wirus, ransomware, phishing, hasła, aktualizacje, kopia zapasowa, backup, zapora "
            "sieciowa, firewall, laptop, smartfon, włamanie",
        ),
        "nl": (
            "Computers en telefoons beveiligen",
            "Apparaten veilig houden: updates, antivirus, wachtwoorden, back-ups, niet in "
            "phishing trappen.",
            "cyberveiligheid, cybersecurity, beveiliging, antivirus, malware, virus, ransomware, "
            "phishing, wachtwoorden, updates, back-up, firewall, laptop, smartphone, hacken",
        ),
    },
    ("digcomp", "4.2"): {
        "en": (
            "Protecting personal data (GDPR)",
            "Handling customer and staff data lawfully and keeping it private.",
            "gdpr, privacy, data protection, personal data, consent, cookies, confidentiality, "
            "identity theft, scams, phishing",
        ),
        "fr": (
            "Protéger les données personnelles (RGPD)",
            "Traiter les données des clients et du personnel dans le respect de la loi et de "
            "leur vie privée.",
            "rgpd, gdpr, vie privée, protection des données, données personnelles, "
            "consentement, cookies, confidentialité, usurpation d’identité, arnaques, "
            "hameçonnage, phishing",
        ),
        "de": (
            "Personenbezogene Daten schützen (DSGVO)",
            "Kunden- und Mitarbeiterdaten rechtmäßig verarbeiten und die Privatsphäre wahren.",
            "dsgvo, datenschutz, gdpr, privatsphäre, personenbezogene daten, einwilligung, "
            "cookies, vertraulichkeit, identitätsdiebstahl, betrug, phishing",
        ),
        "es": (
            "Proteger los datos personales (RGPD)",
            "Tratar los datos de clientes y empleados de forma lícita y confidencial.",
            "rgpd, gdpr, privacidad, protección de datos, datos personales, consentimiento, "
            "cookies, confidencialidad, suplantación de identidad, estafas, fraude, phishing",
        ),
        "it": (
            "Proteggere i dati personali (GDPR)",
            "Trattare i dati di clienti e dipendenti in modo lecito e riservato.",
            "gdpr, rgpd, privacy, protezione dei dati, dati personali, consenso, cookie, "
            "riservatezza, furto d’identità, truffe, phishing",
        ),
        "pl": (
            "Ochrona danych osobowych (RODO)",
            "Zgodne z prawem i poufne przetwarzanie danych klientów i pracowników.",
            "rodo, gdpr, prywatność, ochrona danych, dane osobowe, zgoda, pliki cookie, poufność, "
            "kradzież tożsamości, oszustwa, phishing",
        ),
        "nl": (
            "Persoonsgegevens beschermen (AVG)",
            "Gegevens van klanten en personeel rechtmatig en vertrouwelijk verwerken.",
            "avg, gdpr, privacy, gegevensbescherming, persoonsgegevens, toestemming, cookies, "
            "vertrouwelijkheid, identiteitsfraude, oplichting, phishing",
        ),
    },
    ("digcomp", "4.3"): {
        "en": (
            "Healthy digital work",
            "Avoiding screen strain, overload and online harassment; switching off from being "
            "always on.",
            "well-being, wellbeing, health, ergonomics, screen time, stress, burnout, right to "
            "disconnect, cyberbullying, harassment",
        ),
        "fr": (
            "Travailler sainement avec le numérique",
            "Éviter fatigue visuelle, surcharge et harcèlement en ligne ; savoir se déconnecter.",
            "bien-être, santé, ergonomie, écrans, stress, burn-out, droit à la déconnexion, "
            "cyberharcèlement, harcèlement, hyperconnexion",
        ),
        "de": (
            "Gesund digital arbeiten",
            "Bildschirmbelastung, Überlastung und Belästigung im Netz vermeiden; auch einmal "
            "abschalten.",
            "wohlbefinden, gesundheit, ergonomie, bildschirmzeit, stress, burnout, "
            "erreichbarkeit, abschalten, cybermobbing, belästigung",
        ),
        "es": (
            "Trabajo digital saludable",
            "Evitar la fatiga visual, la sobrecarga y el acoso en línea; desconectar de la "
            "conexión permanente.",
            "bienestar, salud, ergonomía, tiempo de pantalla, estrés, agotamiento, burnout, "
            "desconexión digital, ciberacoso, acoso",
        ),
        "it": (
            "Lavoro digitale in salute",
            "Evitare affaticamento visivo, sovraccarico e molestie online; staccare dalla "
            "connessione continua.",
            "benessere, salute, ergonomia, tempo davanti allo schermo, stress, burnout, diritto "
            "alla disconnessione, cyberbullismo, molestie",
        ),
        "pl": (
            "Zdrowa praca cyfrowa",
            "Unikanie zmęczenia wzroku, przeciążenia i nękania w sieci; odłączanie się od ciągłej "
            "dostępności.",
            "dobrostan, zdrowie, ergonomia, czas przed ekranem, stres, wypalenie zawodowe, prawo "
            "do bycia offline, cyberprzemoc, nękanie",
        ),
        "nl": (
            "Gezond digitaal werken",
            "Vermoeide ogen, overbelasting en online intimidatie voorkomen; loskomen van altijd "
            "bereikbaar zijn.",
            "welzijn, gezondheid, ergonomie, schermtijd, stress, burn-out, recht op deconnectie, "
            "onbereikbaarheid, cyberpesten, intimidatie",
        ),
    },
    ("digcomp", "4.4"): {
        "en": (
            "Greener digital use",
            "Reducing the energy use and e-waste of your devices and digital services.",
            "sustainability, green it, energy, carbon footprint, e-waste, recycling, "
            "environment, eco-design, refurbished",
        ),
        "fr": (
            "Un numérique plus sobre",
            "Réduire la consommation d’énergie et les déchets électroniques de vos appareils et "
            "services numériques.",
            "durabilité, numérique responsable, green it, sobriété, énergie, empreinte carbone, "
            "déchets électroniques, recyclage, environnement, écoconception, reconditionné",
        ),
        "de": (
            "Umweltfreundlich digital arbeiten",
            "Energieverbrauch und Elektroschrott Ihrer Geräte und digitalen Dienste verringern.",
            "nachhaltigkeit, green it, energie, co2-fußabdruck, elektroschrott, recycling, "
            "umwelt, ökodesign, refurbished, gebrauchtgeräte",
        ),
        "es": (
            "Uso digital más sostenible",
            "Reducir el consumo de energía y los residuos electrónicos de sus dispositivos y "
            "servicios digitales.",
            "sostenibilidad, informática verde, energía, huella de carbono, residuos "
            "electrónicos, reciclaje, medio ambiente, ecodiseño, reacondicionado",
        ),
        "it": (
            "Un uso del digitale più sostenibile",
            "Ridurre il consumo di energia e i rifiuti elettronici dei dispositivi e dei servizi "
            "digitali.",
            "sostenibilità, green it, informatica verde, energia, impronta di carbonio, rifiuti "
            "elettronici, raee, riciclo, ambiente, ecodesign, ricondizionato",
        ),
        "pl": (
            "Bardziej ekologiczne korzystanie z technologii",
            "Ograniczanie zużycia energii i elektroodpadów związanych z urządzeniami i usługami "
            "cyfrowymi.",
            "zrównoważony rozwój, zielone it, energia, ślad węglowy, elektroodpady, e-odpady, "
            "recykling, środowisko, ekoprojektowanie, sprzęt odnowiony",
        ),
        "nl": (
            "Duurzamer digitaal gebruik",
            "Het energieverbruik en het e-afval van uw apparaten en digitale diensten verminderen.",
            "duurzaamheid, groene ict, energie, co2-voetafdruk, e-afval, recyclage, recycling, "
            "milieu, ecodesign, refurbished",
        ),
    },
    ("digcomp", "5.1"): {
        "en": (
            "Fixing everyday technical problems",
            "Sorting out common problems with computers, printers, networks and software yourself.",
            "troubleshooting, it problems, printer, wifi, network, computer problems, bugs, "
            "crashes, repair, it support",
        ),
        "fr": (
            "Résoudre les pannes courantes",
            "Régler soi-même les problèmes courants d’ordinateurs, d’imprimantes, de réseau et "
            "de logiciels.",
            "dépannage, panne, problèmes informatiques, imprimante, wifi, réseau, bug, "
            "plantage, réparation, support informatique",
        ),
        "de": (
            "Alltägliche technische Probleme lösen",
            "Häufige Probleme mit Computern, Druckern, Netzwerk und Software selbst beheben.",
            "fehlerbehebung, störung, it-probleme, drucker, wlan, netzwerk, computerprobleme, "
            "absturz, reparatur, it-support",
        ),
        "es": (
            "Resolver problemas técnicos cotidianos",
            "Solucionar usted mismo los problemas habituales de ordenadores, impresoras, redes y "
            "programas.",
            "resolución de problemas, problemas informáticos, impresora, wifi, red, averías, "
            "errores, fallos, bloqueos, reparación, soporte informático",
        ),
        "it": (
            "Risolvere i problemi tecnici quotidiani",
            "Risolvere da sé i problemi comuni di computer, stampanti, reti e programmi.",
            "risoluzione dei problemi, problemi informatici, stampante, wifi, rete, guasti, bug, "
            "errori, blocchi, riparazione, assistenza informatica",
        ),
        "pl": (
            "Rozwiązywanie codziennych problemów technicznych",
            "Samodzielne rozwiązywanie typowych problemów z komputerami, drukarkami, siecią i "
            "oprogramowaniem.",
            "rozwiązywanie problemów, problemy z komputerem, drukarka, wifi, sieć, awarie, błędy, "
            "zawieszanie się, naprawa, wsparcie it",
        ),
        "nl": (
            "Alledaagse technische problemen oplossen",
            "Veelvoorkomende problemen met computers, printers, netwerken en software zelf "
            "verhelpen.",
            "probleemoplossing, it-problemen, printer, wifi, netwerk, computerproblemen, "
            "storingen, bugs, crashes, herstelling, reparatie, it-ondersteuning",
        ),
    },
    ("digcomp", "5.2"): {
        "en": (
            "Choosing the right digital tools",
            "Working out what your business needs and which software or service fits it.",
            "software selection, tools, apps, choose software, erp, crm, accounting software, "
            "digitalisation, digital transformation, saas",
        ),
        "fr": (
            "Choisir les bons outils numériques",
            "Identifier les besoins de l’entreprise et le logiciel ou le service qui y répond.",
            "choix de logiciel, outils, applications, logiciel, erp, crm, logiciel de "
            "comptabilité, digitalisation, transformation numérique, saas",
        ),
        "de": (
            "Die passenden digitalen Werkzeuge wählen",
            "Herausfinden, was Ihr Unternehmen braucht und welche Software oder welcher Dienst "
            "dazu passt.",
            "softwareauswahl, werkzeuge, tools, apps, software, erp, crm, buchhaltungssoftware, "
            "digitalisierung, digitale transformation, saas",
        ),
        "es": (
            "Elegir las herramientas digitales adecuadas",
            "Determinar qué necesita su empresa y qué programa o servicio se ajusta a ello.",
            "selección de software, herramientas, aplicaciones, apps, elegir software, erp, crm, "
            "programa de contabilidad, digitalización, transformación digital, saas",
        ),
        "it": (
            "Scegliere gli strumenti digitali giusti",
            "Capire di che cosa ha bisogno la Sua impresa e quale software o servizio fa al caso "
            "suo.",
            "scelta del software, strumenti, app, applicazioni, scegliere un software, erp, crm, "
            "software di contabilità, gestionale, digitalizzazione, trasformazione digitale, saas",
        ),
        "pl": (
            "Wybór właściwych narzędzi cyfrowych",
            "Określenie potrzeb firmy i dobór odpowiedniego oprogramowania lub usługi.",
            "wybór oprogramowania, narzędzia, aplikacje, wybór programu, erp, crm, program "
            "księgowy, cyfryzacja, transformacja cyfrowa, saas",
        ),
        "nl": (
            "De juiste digitale middelen kiezen",
            "Bepalen wat uw onderneming nodig heeft en welke software of dienst daarbij past.",
            "softwareselectie, tools, apps, software kiezen, erp, crm, boekhoudsoftware, "
            "digitalisering, digitale transformatie, saas",
        ),
    },
    ("digcomp", "5.3"): {
        "en": (
            "Using digital tools to innovate",
            "Using technology creatively to improve products, services and ways of working.",
            "innovation, creativity, new ideas, digital transformation, improve processes, new "
            "business models, e-commerce",
        ),
        "fr": (
            "Innover avec le numérique",
            "Utiliser la technologie avec créativité pour améliorer produits, services et "
            "façons de travailler.",
            "innovation, créativité, idées, transformation numérique, améliorer les processus, "
            "nouveaux modèles d’affaires, e-commerce",
        ),
        "de": (
            "Mit digitalen Mitteln Neues schaffen",
            "Technik kreativ nutzen, um Produkte, Dienstleistungen und Arbeitsweisen zu "
            "verbessern.",
            "innovation, kreativität, ideen, digitale transformation, prozesse verbessern, "
            "geschäftsmodelle, e-commerce",
        ),
        "es": (
            "Innovar con herramientas digitales",
            "Utilizar la tecnología de forma creativa para mejorar productos, servicios y formas "
            "de trabajar.",
            "innovación, creatividad, nuevas ideas, transformación digital, mejorar procesos, "
            "nuevos modelos de negocio, comercio electrónico",
        ),
        "it": (
            "Innovare con gli strumenti digitali",
            "Usare la tecnologia in modo creativo per migliorare prodotti, servizi e modi di "
            "lavorare.",
            "innovazione, creatività, nuove idee, trasformazione digitale, migliorare i processi, "
            "nuovi modelli di business, e-commerce, commercio elettronico",
        ),
        "pl": (
            "Innowacje z wykorzystaniem narzędzi cyfrowych",
            "Twórcze wykorzystanie technologii do ulepszania produktów, usług i sposobów pracy.",
            "innowacje, kreatywność, nowe pomysły, transformacja cyfrowa, usprawnianie procesów, "
            "nowe modele biznesowe, e-commerce, handel elektroniczny",
        ),
        "nl": (
            "Innoveren met digitale middelen",
            "Technologie creatief inzetten om producten, diensten en werkwijzen te verbeteren.",
            "innovatie, creativiteit, nieuwe ideeën, digitale transformatie, processen "
            "verbeteren, nieuwe bedrijfsmodellen, e-commerce, webwinkel",
        ),
    },
    ("digcomp", "5.4"): {
        "en": (
            "Knowing which digital skills to build",
            "Seeing where you and your staff need to learn more, and finding the right training.",
            "training needs, skills assessment, learning, upskilling, self-assessment, courses, "
            "e-learning, skills gaps",
        ),
        "fr": (
            "Repérer les compétences numériques à développer",
            "Voir où vous et votre personnel devez progresser, et trouver la bonne formation.",
            "besoins de formation, bilan de compétences, apprentissage, montée en compétences, "
            "autoévaluation, cours, e-learning, formation",
        ),
        "de": (
            "Erkennen, welche digitalen Kompetenzen fehlen",
            "Sehen, wo Sie und Ihr Team dazulernen müssen, und passende Schulungen finden.",
            "schulungsbedarf, kompetenzanalyse, lernen, weiterbildung, selbsteinschätzung, "
            "kurse, e-learning, qualifizierung",
        ),
        "es": (
            "Saber qué competencias digitales desarrollar",
            "Detectar en qué necesitan formarse usted y su personal, y encontrar la formación "
            "adecuada.",
            "necesidades de formación, evaluación de competencias, aprendizaje, mejora de "
            "competencias, autoevaluación, cursos, e-learning, formación en línea, carencias de "
            "competencias",
        ),
        "it": (
            "Sapere quali competenze digitali sviluppare",
            "Capire dove Lei e il Suo personale avete bisogno di imparare di più, e trovare la "
            "formazione adatta.",
            "fabbisogni formativi, valutazione delle competenze, apprendimento, aggiornamento "
            "delle competenze, autovalutazione, corsi, e-learning, formazione online, fabbisogno "
            "di competenze",
        ),
        "pl": (
            "Wiedza, jakie umiejętności cyfrowe rozwijać",
            "Rozpoznanie, czego Państwo i Państwa pracownicy powinni się jeszcze nauczyć, oraz "
            "znalezienie właściwych szkoleń.",
            "potrzeby szkoleniowe, ocena kompetencji, nauka, podnoszenie kwalifikacji, samoocena, "
            "kursy, e-learning, szkolenia online, luki kompetencyjne",
        ),
        "nl": (
            "Weten welke digitale vaardigheden u moet ontwikkelen",
            "Zien waar u en uw personeel meer moeten leren, en de juiste opleiding vinden.",
            "opleidingsbehoeften, vaardigheden beoordelen, leren, bijscholing, zelfevaluatie, "
            "cursussen, e-learning, vaardigheidstekorten",
        ),
    },
    # ---------------------------------------------------------------------------------------
    # e-CF 4.0 (our own words; the standard's descriptors are not reproduced)
    # ---------------------------------------------------------------------------------------
    ("ecf", "A.1"): {
        "en": (
            "Aligning IT with your business strategy",
            "Making sure your IT investments serve what the business wants to achieve.",
            "it strategy, digital strategy, business strategy, roadmap, alignment, cio, "
            "digital transformation",
        ),
        "fr": (
            "Aligner l’informatique sur la stratégie",
            "Faire en sorte que les investissements informatiques servent les objectifs de "
            "l’entreprise.",
            "stratégie informatique, stratégie numérique, stratégie d’entreprise, feuille de "
            "route, alignement, dsi, transformation numérique",
        ),
        "de": (
            "IT an der Geschäftsstrategie ausrichten",
            "Dafür sorgen, dass IT-Investitionen den Zielen des Unternehmens dienen.",
            "it-strategie, digitalstrategie, unternehmensstrategie, roadmap, ausrichtung, cio, "
            "digitale transformation",
        ),
        "es": (
            "Alinear la informática con la estrategia de la empresa",
            "Asegurarse de que las inversiones informáticas sirven a los objetivos de la empresa.",
            "estrategia informática, estrategia digital, estrategia empresarial, hoja de ruta, "
            "alineación, cio, transformación digital",
        ),
        "it": (
            "Allineare l’informatica alla strategia aziendale",
            "Fare in modo che gli investimenti informatici servano agli obiettivi dell’impresa.",
            "strategia informatica, strategia digitale, strategia aziendale, roadmap, "
            "allineamento, cio, trasformazione digitale",
        ),
        "pl": (
            "Dopasowanie IT do strategii firmy",
            "Dbanie o to, by inwestycje w IT służyły celom firmy.",
            "strategia it, strategia cyfrowa, strategia biznesowa, mapa drogowa, dopasowanie, "
            "cio, transformacja cyfrowa",
        ),
        "nl": (
            "IT afstemmen op de bedrijfsstrategie",
            "Ervoor zorgen dat uw IT-investeringen dienen wat de onderneming wil bereiken.",
            "it-strategie, digitale strategie, bedrijfsstrategie, roadmap, afstemming, cio, "
            "digitale transformatie",
        ),
    },
    ("ecf", "A.2"): {
        "en": (
            "Agreeing service levels with IT providers",
            "Setting and checking what your IT suppliers must deliver: uptime, response times, "
            "support.",
            "sla, service level agreement, uptime, availability, it provider, outsourcing, "
            "hosting contract, support contract",
        ),
        "fr": (
            "Fixer les niveaux de service informatique",
            "Définir et suivre ce que vos prestataires doivent fournir : disponibilité, délais, "
            "assistance.",
            "sla, contrat de service, niveau de service, disponibilité, prestataire, "
            "infogérance, hébergement, contrat de support",
        ),
        "de": (
            "Service-Level mit IT-Dienstleistern vereinbaren",
            "Festlegen und prüfen, was IT-Dienstleister liefern müssen: Verfügbarkeit, "
            "Reaktionszeiten, Support.",
            "sla, service level agreement, verfügbarkeit, dienstleister, outsourcing, hosting, "
            "supportvertrag, wartungsvertrag",
        ),
        "es": (
            "Acordar niveles de servicio con los proveedores informáticos",
            "Fijar y comprobar lo que deben prestar sus proveedores informáticos: disponibilidad, "
            "tiempos de respuesta, soporte.",
            "sla, acuerdo de nivel de servicio, disponibilidad, proveedor informático, "
            "externalización, contrato de alojamiento, contrato de soporte",
        ),
        "it": (
            "Concordare i livelli di servizio con i fornitori informatici",
            "Stabilire e verificare che cosa devono garantire i fornitori informatici: "
            "disponibilità, tempi di risposta, assistenza.",
            "sla, accordo sul livello di servizio, disponibilità, uptime, fornitore informatico, "
            "outsourcing, esternalizzazione, contratto di hosting, contratto di assistenza",
        ),
        "pl": (
            "Uzgadnianie poziomu usług z dostawcami IT",
            "Określanie i sprawdzanie, co muszą zapewnić dostawcy IT: dostępność, czas reakcji, "
            "wsparcie.",
            "sla, umowa o gwarantowanym poziomie usług, dostępność, dostawca it, outsourcing, "
            "umowa hostingowa, umowa serwisowa",
        ),
        "nl": (
            "Serviceniveaus afspreken met IT-leveranciers",
            "Vastleggen en controleren wat uw IT-leveranciers moeten leveren: beschikbaarheid, "
            "reactietijden, ondersteuning.",
            "sla, service level agreement, dienstverleningsovereenkomst, beschikbaarheid, uptime, "
            "it-leverancier, uitbesteding, outsourcing, hostingcontract, supportcontract",
        ),
    },
    ("ecf", "A.3"): {
        "en": (
            "Business plans for digital projects",
            "Working out the costs, benefits and business case of a digital project or offer.",
            "business plan, business case, roi, return on investment, budget, costs, funding, "
            "investment, financial plan",
        ),
        "fr": (
            "Plan d’affaires des projets numériques",
            "Évaluer coûts, bénéfices et rentabilité d’un projet ou d’une offre numérique.",
            "business plan, plan d’affaires, étude de rentabilité, retour sur investissement, "
            "roi, budget, coûts, financement, investissement",
        ),
        "de": (
            "Businesspläne für digitale Vorhaben",
            "Kosten, Nutzen und Wirtschaftlichkeit eines digitalen Projekts oder Angebots "
            "berechnen.",
            "businessplan, geschäftsplan, business case, wirtschaftlichkeit, roi, rendite, "
            "budget, kosten, finanzierung, investition",
        ),
        "es": (
            "Planes de negocio para proyectos digitales",
            "Calcular los costes, los beneficios y la justificación económica de un proyecto u "
            "oferta digital.",
            "plan de negocio, caso de negocio, roi, retorno de la inversión, presupuesto, costes, "
            "financiación, inversión, plan financiero",
        ),
        "it": (
            "Piani aziendali per progetti digitali",
            "Stimare costi, benefici e sostenibilità economica di un progetto o di un’offerta "
            "digitale.",
            "business plan, piano aziendale, business case, roi, ritorno sull’investimento, "
            "budget, costi, finanziamento, investimento, piano finanziario",
        ),
        "pl": (
            "Biznesplany projektów cyfrowych",
            "Szacowanie kosztów, korzyści i uzasadnienia biznesowego projektu lub oferty cyfrowej.",
            "biznesplan, uzasadnienie biznesowe, business case, roi, zwrot z inwestycji, budżet, "
            "koszty, finansowanie, inwestycja, plan finansowy",
        ),
        "nl": (
            "Ondernemingsplannen voor digitale projecten",
            "De kosten, baten en businesscase van een digitaal project of aanbod uitwerken.",
            "ondernemingsplan, businessplan, businesscase, roi, rendement op investering, budget, "
            "kosten, financiering, investering, financieel plan",
        ),
    },
    ("ecf", "A.4"): {
        "en": (
            "Planning a digital product or service",
            "Defining a new digital product or service: features, users, timeline and launch.",
            "product management, product planning, new service, roadmap, mvp, launch, product "
            "owner, requirements",
        ),
        "fr": (
            "Concevoir un produit ou un service numérique",
            "Définir un nouveau produit ou service numérique : fonctions, utilisateurs, "
            "calendrier, lancement.",
            "gestion de produit, produit, nouveau service, feuille de route, mvp, lancement, "
            "product owner, cahier des charges",
        ),
        "de": (
            "Ein digitales Produkt oder einen Dienst planen",
            "Ein neues digitales Angebot festlegen: Funktionen, Nutzer, Zeitplan und "
            "Markteinführung.",
            "produktmanagement, produktplanung, neuer dienst, roadmap, mvp, markteinführung, "
            "product owner, anforderungen, lastenheft",
        ),
        "es": (
            "Planificar un producto o servicio digital",
            "Definir un nuevo producto o servicio digital: funciones, usuarios, calendario y "
            "lanzamiento.",
            "gestión de producto, planificación de producto, nuevo servicio, hoja de ruta, mvp, "
            "producto mínimo viable, lanzamiento, product owner, requisitos",
        ),
        "it": (
            "Pianificare un prodotto o servizio digitale",
            "Definire un nuovo prodotto o servizio digitale: funzioni, utenti, tempi e lancio.",
            "gestione del prodotto, pianificazione del prodotto, nuovo servizio, roadmap, mvp, "
            "lancio, product owner, requisiti",
        ),
        "pl": (
            "Planowanie produktu lub usługi cyfrowej",
            "Określenie nowego produktu lub usługi cyfrowej: funkcji, użytkowników, harmonogramu "
            "i wprowadzenia na rynek.",
            "zarządzanie produktem, planowanie produktu, nowa usługa, mapa drogowa, mvp, "
            "wprowadzenie na rynek, product owner, wymagania",
        ),
        "nl": (
            "Een digitaal product of een digitale dienst plannen",
            "Een nieuw digitaal product of een nieuwe dienst vastleggen: functies, gebruikers, "
            "planning en lancering.",
            "productmanagement, productplanning, nieuwe dienst, roadmap, mvp, lancering, product "
            "owner, eisen",
        ),
    },
    ("ecf", "A.5"): {
        "en": (
            "Designing your IT architecture",
            "Deciding how your systems, software and data fit together and can grow.",
            "it architecture, enterprise architecture, systems design, integration, "
            "infrastructure, scalability, technical design",
        ),
        "fr": (
            "Concevoir l’architecture informatique",
            "Décider comment systèmes, logiciels et données s’articulent et peuvent évoluer.",
            "architecture informatique, architecture d’entreprise, urbanisation, intégration, "
            "infrastructure, évolutivité, conception technique",
        ),
        "de": (
            "Die IT-Architektur entwerfen",
            "Festlegen, wie Systeme, Software und Daten zusammenspielen und wachsen können.",
            "it-architektur, unternehmensarchitektur, systemdesign, integration, "
            "infrastruktur, skalierbarkeit, technisches konzept",
        ),
        "es": (
            "Diseñar la arquitectura informática",
            "Decidir cómo encajan sus sistemas, programas y datos y cómo pueden crecer.",
            "arquitectura informática, arquitectura empresarial, diseño de sistemas, integración, "
            "infraestructura, escalabilidad, diseño técnico",
        ),
        "it": (
            "Progettare l’architettura informatica",
            "Decidere come sistemi, software e dati si integrano tra loro e possono crescere.",
            "architettura informatica, architettura aziendale, progettazione di sistemi, "
            "integrazione, infrastruttura, scalabilità, progettazione tecnica",
        ),
        "pl": (
            "Projektowanie architektury IT",
            "Decydowanie, jak systemy, oprogramowanie i dane współdziałają i jak mogą się "
            "rozwijać.",
            "architektura it, architektura korporacyjna, projektowanie systemów, integracja, "
            "infrastruktura, skalowalność, projekt techniczny",
        ),
        "nl": (
            "Uw IT-architectuur ontwerpen",
            "Bepalen hoe uw systemen, software en gegevens op elkaar aansluiten en kunnen groeien.",
            "it-architectuur, enterprise-architectuur, systeemontwerp, integratie, "
            "infrastructuur, schaalbaarheid, technisch ontwerp",
        ),
    },
    ("ecf", "A.6"): {
        "en": (
            "Designing software and apps",
            "Specifying what an application must do and how it will work before it is built.",
            "software design, app design, requirements, specifications, functional design, "
            "mockups, prototypes, uml",
        ),
        "fr": (
            "Concevoir logiciels et applications",
            "Préciser ce qu’une application doit faire et comment elle fonctionnera avant de la "
            "développer.",
            "conception logicielle, spécifications, cahier des charges, besoins, maquettes, "
            "prototype, uml, application mobile",
        ),
        "de": (
            "Software und Apps entwerfen",
            "Festlegen, was eine Anwendung leisten muss und wie sie funktioniert, bevor sie "
            "gebaut wird.",
            "softwaredesign, app-design, anforderungen, spezifikation, pflichtenheft, mockups, "
            "prototyp, uml",
        ),
        "es": (
            "Diseñar programas y aplicaciones",
            "Especificar qué debe hacer una aplicación y cómo funcionará antes de desarrollarla.",
            "diseño de software, diseño de aplicaciones, requisitos, especificaciones, diseño "
            "funcional, maquetas, prototipos, uml",
        ),
        "it": (
            "Progettare software e app",
            "Specificare che cosa deve fare un’applicazione e come funzionerà prima di "
            "svilupparla.",
            "progettazione software, progettazione di app, requisiti, specifiche, analisi "
            "funzionale, mockup, prototipi, uml",
        ),
        "pl": (
            "Projektowanie oprogramowania i aplikacji",
            "Określenie, co aplikacja ma robić i jak będzie działać, zanim powstanie.",
            "projektowanie oprogramowania, projektowanie aplikacji, wymagania, specyfikacja, "
            "projekt funkcjonalny, makiety, prototypy, uml",
        ),
        "nl": (
            "Software en apps ontwerpen",
            "Vastleggen wat een toepassing moet doen en hoe ze zal werken voordat ze wordt "
            "gebouwd.",
            "softwareontwerp, app-ontwerp, eisen, specificaties, functioneel ontwerp, mock-ups, "
            "prototypes, uml",
        ),
    },
    ("ecf", "A.7"): {
        "en": (
            "Keeping up with new technology",
            "Following technology trends and judging which ones matter for your business.",
            "tech trends, technology watch, emerging technologies, new technologies, "
            "innovation, benchmarking",
        ),
        "fr": (
            "Suivre les nouvelles technologies",
            "Suivre les tendances technologiques et juger lesquelles comptent pour l’entreprise.",
            "veille technologique, tendances, technologies émergentes, nouvelles technologies, "
            "innovation, benchmark",
        ),
        "de": (
            "Neue Technologien im Blick behalten",
            "Technologietrends verfolgen und einschätzen, welche für Ihr Unternehmen wichtig sind.",
            "technologietrends, trendbeobachtung, technologiebeobachtung, neue technologien, "
            "innovation, benchmarking",
        ),
        "es": (
            "Estar al día de las nuevas tecnologías",
            "Seguir las tendencias tecnológicas y valorar cuáles importan para su empresa.",
            "tendencias tecnológicas, vigilancia tecnológica, tecnologías emergentes, nuevas "
            "tecnologías, innovación, benchmarking",
        ),
        "it": (
            "Restare aggiornati sulle nuove tecnologie",
            "Seguire le tendenze tecnologiche e valutare quali contano per la Sua impresa.",
            "tendenze tecnologiche, osservatorio tecnologico, tecnologie emergenti, nuove "
            "tecnologie, innovazione, benchmarking",
        ),
        "pl": (
            "Śledzenie nowych technologii",
            "Obserwowanie trendów technologicznych i ocena, które z nich są ważne dla firmy.",
            "trendy technologiczne, monitoring technologii, technologie wschodzące, nowe "
            "technologie, innowacje, benchmarking",
        ),
        "nl": (
            "Nieuwe technologie bijhouden",
            "Technologische trends volgen en beoordelen welke ertoe doen voor uw onderneming.",
            "technologische trends, technologiewatch, opkomende technologieën, nieuwe "
            "technologieën, innovatie, benchmarking",
        ),
    },
    ("ecf", "A.8"): {
        "en": (
            "Making IT sustainable",
            "Reducing the environmental footprint of your IT and using it for greener operations.",
            "sustainability, green it, energy efficiency, carbon footprint, esg, csr, "
            "environment, circular economy",
        ),
        "fr": (
            "Rendre l’informatique durable",
            "Réduire l’empreinte environnementale de l’informatique et s’en servir pour une "
            "activité plus verte.",
            "durabilité, green it, numérique responsable, efficacité énergétique, empreinte "
            "carbone, rse, esg, environnement, économie circulaire",
        ),
        "de": (
            "IT nachhaltig gestalten",
            "Den ökologischen Fußabdruck der IT senken und sie für einen umweltfreundlicheren "
            "Betrieb nutzen.",
            "nachhaltigkeit, green it, energieeffizienz, co2-bilanz, esg, csr, umwelt, "
            "kreislaufwirtschaft",
        ),
        "es": (
            "Una informática sostenible",
            "Reducir la huella ambiental de su informática y utilizarla para una actividad más "
            "ecológica.",
            "sostenibilidad, informática verde, eficiencia energética, huella de carbono, esg, "
            "rsc, responsabilidad social, medio ambiente, economía circular",
        ),
        "it": (
            "Un’informatica sostenibile",
            "Ridurre l’impatto ambientale dell’informatica e usarla per un’attività più ecologica.",
            "sostenibilità, green it, efficienza energetica, impronta di carbonio, esg, csr, "
            "responsabilità sociale, ambiente, economia circolare",
        ),
        "pl": (
            "Zrównoważone IT",
            "Ograniczanie wpływu IT na środowisko i wykorzystanie go do bardziej ekologicznej "
            "działalności.",
            "zrównoważony rozwój, zielone it, efektywność energetyczna, ślad węglowy, esg, csr, "
            "społeczna odpowiedzialność biznesu, środowisko, gospodarka o obiegu zamkniętym",
        ),
        "nl": (
            "IT duurzaam maken",
            "De milieu-impact van uw IT verminderen en IT inzetten voor een groenere "
            "bedrijfsvoering.",
            "duurzaamheid, groene ict, energie-efficiëntie, co2-voetafdruk, esg, mvo, "
            "maatschappelijk verantwoord ondernemen, milieu, circulaire economie",
        ),
    },
    ("ecf", "A.9"): {
        "en": (
            "Innovating with technology",
            "Finding and testing new ideas where technology creates value for your business.",
            "innovation, new ideas, creativity, design thinking, prototyping, r&d, research and "
            "development, startups",
        ),
        "fr": (
            "Innover grâce à la technologie",
            "Trouver et tester de nouvelles idées là où la technologie crée de la valeur.",
            "innovation, nouvelles idées, créativité, design thinking, prototypage, r&d, "
            "recherche et développement, start-up",
        ),
        "de": (
            "Mit Technologie innovieren",
            "Neue Ideen finden und erproben, bei denen Technik Mehrwert schafft.",
            "innovation, neue ideen, kreativität, design thinking, prototyping, f&e, forschung "
            "und entwicklung, startups",
        ),
        "es": (
            "Innovar con la tecnología",
            "Encontrar y probar ideas nuevas en las que la tecnología aporte valor a su empresa.",
            "innovación, nuevas ideas, creatividad, design thinking, prototipado, i+d, "
            "investigación y desarrollo, startups, empresas emergentes",
        ),
        "it": (
            "Innovare con la tecnologia",
            "Trovare e sperimentare nuove idee in cui la tecnologia crea valore per la Sua "
            "impresa.",
            "innovazione, nuove idee, creatività, design thinking, prototipazione, r&s, ricerca e "
            "sviluppo, startup",
        ),
        "pl": (
            "Innowacje technologiczne",
            "Znajdowanie i testowanie nowych pomysłów, w których technologia tworzy wartość dla "
            "firmy.",
            "innowacje, nowe pomysły, kreatywność, design thinking, prototypowanie, b+r, badania "
            "i rozwój, startupy",
        ),
        "nl": (
            "Innoveren met technologie",
            "Nieuwe ideeën vinden en testen waarbij technologie waarde creëert voor uw "
            "onderneming.",
            "innovatie, nieuwe ideeën, creativiteit, design thinking, prototypen, o&o, r&d, "
            "onderzoek en ontwikkeling, start-ups",
        ),
    },
    ("ecf", "A.10"): {
        "en": (
            "Websites and apps that are easy to use",
            "Designing digital services around your customers so they are easy and pleasant to "
            "use.",
            "ux, user experience, usability, ui, user interface, web design, accessibility, "
            "customer journey, user testing",
        ),
        "fr": (
            "Des sites et des applications faciles à utiliser",
            "Concevoir les services numériques autour de vos clients pour qu’ils soient simples "
            "et agréables.",
            "ux, expérience utilisateur, ergonomie, ui, interface, webdesign, accessibilité, "
            "parcours client, tests utilisateurs, site web",
        ),
        "de": (
            "Benutzerfreundliche Websites und Apps",
            "Digitale Angebote so gestalten, dass Ihre Kunden sie einfach und gern nutzen.",
            "ux, nutzererlebnis, benutzerfreundlichkeit, usability, ui, benutzeroberfläche, "
            "webdesign, barrierefreiheit, customer journey, nutzertests, webseite",
        ),
        "es": (
            "Sitios web y aplicaciones fáciles de usar",
            "Diseñar los servicios digitales en torno a sus clientes para que resulten fáciles y "
            "agradables de usar.",
            "ux, experiencia de usuario, usabilidad, ui, interfaz de usuario, diseño web, "
            "accesibilidad, recorrido del cliente, pruebas con usuarios",
        ),
        "it": (
            "Siti web e app facili da usare",
            "Progettare i servizi digitali intorno ai clienti, perché siano semplici e piacevoli "
            "da usare.",
            "ux, esperienza utente, usabilità, ui, interfaccia utente, web design, accessibilità, "
            "customer journey, test con gli utenti",
        ),
        "pl": (
            "Łatwe w obsłudze strony i aplikacje",
            "Projektowanie usług cyfrowych z myślą o klientach, tak aby korzystanie z nich było "
            "proste i przyjemne.",
            "ux, doświadczenie użytkownika, użyteczność, ui, interfejs użytkownika, projektowanie "
            "stron, dostępność cyfrowa, ścieżka klienta, testy z użytkownikami",
        ),
        "nl": (
            "Gebruiksvriendelijke websites en apps",
            "Digitale diensten rond uw klanten ontwerpen, zodat ze eenvoudig en prettig te "
            "gebruiken zijn.",
            "ux, gebruikerservaring, gebruiksvriendelijkheid, bruikbaarheid, ui, "
            "gebruikersinterface, webdesign, toegankelijkheid, klantreis, gebruikerstests",
        ),
    },
    ("ecf", "B.1"): {
        "en": (
            "Building websites and applications",
            "Programming and building websites, apps and business software.",
            "software development, web development, programming, coding, developer, app, "
            "mobile app, website, webshop, online shop, e-commerce, wordpress",
        ),
        "fr": (
            "Développer sites web et applications",
            "Programmer et réaliser sites internet, applications et logiciels métier.",
            "développement logiciel, développement web, programmation, développeur, "
            "application, appli mobile, site internet, site web, boutique en ligne, e-commerce, "
            "wordpress",
        ),
        "de": (
            "Websites und Anwendungen entwickeln",
            "Websites, Apps und Unternehmenssoftware programmieren und bauen.",
            "softwareentwicklung, webentwicklung, programmierung, entwickler, app, mobile app, "
            "webseite, homepage, onlineshop, webshop, e-commerce, wordpress",
        ),
        "es": (
            "Desarrollar sitios web y aplicaciones",
            "Programar y crear sitios web, aplicaciones y programas de gestión.",
            "desarrollo de software, desarrollo web, programación, código, desarrollador, "
            "aplicación, app, aplicación móvil, sitio web, página web, tienda en línea, tienda "
            "online, comercio electrónico, wordpress",
        ),
        "it": (
            "Sviluppare siti web e applicazioni",
            "Programmare e realizzare siti web, app e software gestionali.",
            "sviluppo software, sviluppo web, programmazione, codice, sviluppatore, app, "
            "applicazione, app mobile, sito web, sito internet, negozio online, e-commerce, "
            "wordpress",
        ),
        "pl": (
            "Tworzenie stron internetowych i aplikacji",
            "Programowanie i tworzenie stron internetowych, aplikacji i oprogramowania dla firmy.",
            "tworzenie oprogramowania, tworzenie stron, programowanie, kodowanie, programista, "
            "aplikacja, aplikacja mobilna, strona internetowa, strona www, sklep internetowy, "
            "e-sklep, e-commerce, wordpress",
        ),
        "nl": (
            "Websites en toepassingen bouwen",
            "Websites, apps en bedrijfssoftware programmeren en bouwen.",
            "softwareontwikkeling, webontwikkeling, programmeren, coderen, ontwikkelaar, app, "
            "mobiele app, toepassing, applicatie, website, webwinkel, webshop, e-commerce, "
            "wordpress",
        ),
    },
    ("ecf", "B.2"): {
        "en": (
            "Connecting your software systems",
            "Making different programs and services work together, e.g. your shop, accounting "
            "and stock.",
            "integration, api, interfaces, connectors, middleware, erp integration, data "
            "exchange, interoperability, synchronisation",
        ),
        "fr": (
            "Relier vos logiciels entre eux",
            "Faire fonctionner ensemble différents programmes et services, par exemple boutique, "
            "comptabilité et stock.",
            "intégration, api, interfaces, connecteurs, middleware, erp, échange de données, "
            "interopérabilité, synchronisation",
        ),
        "de": (
            "Software-Systeme verbinden",
            "Verschiedene Programme und Dienste zusammenarbeiten lassen, z. B. Shop, "
            "Buchhaltung und Lager.",
            "integration, api, schnittstellen, konnektoren, middleware, erp, datenaustausch, "
            "interoperabilität, synchronisation",
        ),
        "es": (
            "Conectar sus sistemas informáticos",
            "Hacer que distintos programas y servicios funcionen juntos, por ejemplo su tienda, "
            "su contabilidad y su inventario.",
            "integración, api, interfaces, conectores, middleware, integración erp, intercambio "
            "de datos, interoperabilidad, sincronización",
        ),
        "it": (
            "Collegare i sistemi informatici",
            "Far funzionare insieme programmi e servizi diversi, per esempio negozio, contabilità "
            "e magazzino.",
            "integrazione, api, interfacce, connettori, middleware, integrazione erp, scambio di "
            "dati, interoperabilità, sincronizzazione",
        ),
        "pl": (
            "Łączenie systemów informatycznych",
            "Zapewnienie współpracy różnych programów i usług, np. sklepu, księgowości i magazynu.",
            "integracja, api, interfejsy, konektory, middleware, integracja erp, wymiana danych, "
            "interoperacyjność, synchronizacja",
        ),
        "nl": (
            "Uw softwaresystemen koppelen",
            "Verschillende programma’s en diensten laten samenwerken, bijvoorbeeld uw webwinkel, "
            "boekhouding en voorraad.",
            "integratie, koppeling, api, interfaces, connectoren, middleware, erp-integratie, "
            "gegevensuitwisseling, interoperabiliteit, synchronisatie",
        ),
    },
    ("ecf", "B.3"): {
        "en": (
            "Testing software",
            "Checking that software and websites work correctly before and after changes.",
            "testing, quality assurance, qa, test, bugs, test automation, acceptance testing, "
            "debugging",
        ),
        "fr": (
            "Tester les logiciels",
            "Vérifier que logiciels et sites fonctionnent correctement avant et après les "
            "changements.",
            "tests, recette, assurance qualité, qa, bugs, tests automatisés, validation, débogage",
        ),
        "de": (
            "Software testen",
            "Prüfen, ob Software und Websites vor und nach Änderungen richtig funktionieren.",
            "testen, test, qualitätssicherung, qa, fehler, bugs, testautomatisierung, abnahme, "
            "debugging",
        ),
        "es": (
            "Probar el software",
            "Comprobar que los programas y sitios web funcionan correctamente antes y después de "
            "los cambios.",
            "pruebas, testing, control de calidad, qa, test, errores, fallos, automatización de "
            "pruebas, pruebas de aceptación, depuración",
        ),
        "it": (
            "Testare il software",
            "Verificare che software e siti web funzionino correttamente prima e dopo le "
            "modifiche.",
            "test, collaudo, controllo qualità, qa, bug, test automatici, test di accettazione, "
            "debug",
        ),
        "pl": (
            "Testowanie oprogramowania",
            "Sprawdzanie, czy oprogramowanie i strony działają poprawnie przed zmianami i po nich.",
            "testowanie, testy, zapewnienie jakości, qa, błędy, automatyzacja testów, testy "
            "akceptacyjne, debugowanie",
        ),
        "nl": (
            "Software testen",
            "Controleren of software en websites correct werken, voor en na wijzigingen.",
            "testen, kwaliteitsborging, qa, test, bugs, testautomatisering, acceptatietests, "
            "debuggen",
        ),
    },
    ("ecf", "B.4"): {
        "en": (
            "Installing and rolling out IT solutions",
            "Putting new software or systems into use: installation, configuration, migration.",
            "deployment, installation, rollout, go-live, configuration, migration, setup, "
            "implementation, devops",
        ),
        "fr": (
            "Installer et déployer des solutions",
            "Mettre en service logiciels et systèmes : installation, paramétrage, migration.",
            "déploiement, installation, mise en production, paramétrage, configuration, "
            "migration, mise en place, devops",
        ),
        "de": (
            "IT-Lösungen einführen und ausrollen",
            "Neue Software oder Systeme in Betrieb nehmen: Installation, Konfiguration, Migration.",
            "bereitstellung, deployment, installation, rollout, inbetriebnahme, konfiguration, "
            "migration, einrichtung, einführung, devops",
        ),
        "es": (
            "Instalar y desplegar soluciones informáticas",
            "Poner en marcha nuevos programas o sistemas: instalación, configuración, migración.",
            "despliegue, instalación, implantación, puesta en producción, configuración, "
            "migración, puesta en marcha, devops",
        ),
        "it": (
            "Installare e mettere in esercizio soluzioni informatiche",
            "Mettere in uso nuovi software o sistemi: installazione, configurazione, migrazione.",
            "deployment, installazione, rilascio, messa in produzione, configurazione, "
            "migrazione, avvio, implementazione, devops",
        ),
        "pl": (
            "Instalacja i wdrażanie rozwiązań IT",
            "Uruchamianie nowego oprogramowania lub systemów: instalacja, konfiguracja, migracja.",
            "wdrożenie, instalacja, uruchomienie produkcyjne, konfiguracja, migracja, "
            "implementacja, devops",
        ),
        "nl": (
            "IT-oplossingen installeren en uitrollen",
            "Nieuwe software of systemen in gebruik nemen: installatie, configuratie, migratie.",
            "uitrol, deployment, installatie, livegang, ingebruikname, configuratie, migratie, "
            "implementatie, devops",
        ),
    },
    ("ecf", "B.5"): {
        "en": (
            "Writing IT documentation and guides",
            "Producing manuals, procedures and help texts for users and staff.",
            "documentation, manuals, user guide, procedures, technical writing, help texts, "
            "knowledge base, tutorials",
        ),
        "fr": (
            "Rédiger documentation et guides",
            "Produire manuels, procédures et textes d’aide pour les utilisateurs et le personnel.",
            "documentation, manuel, guide utilisateur, procédures, rédaction technique, aide en "
            "ligne, base de connaissances, tutoriels",
        ),
        "de": (
            "IT-Dokumentation und Anleitungen schreiben",
            "Handbücher, Abläufe und Hilfetexte für Nutzer und Mitarbeitende erstellen.",
            "dokumentation, handbuch, benutzerhandbuch, anleitung, verfahren, technische "
            "redaktion, hilfetexte, wissensdatenbank, tutorials",
        ),
        "es": (
            "Redactar documentación y guías informáticas",
            "Elaborar manuales, procedimientos y textos de ayuda para usuarios y empleados.",
            "documentación, manuales, guía de usuario, procedimientos, redacción técnica, textos "
            "de ayuda, base de conocimiento, tutoriales",
        ),
        "it": (
            "Scrivere documentazione e guide informatiche",
            "Redigere manuali, procedure e testi di aiuto per utenti e personale.",
            "documentazione, manuali, guida utente, procedure, scrittura tecnica, testi di aiuto, "
            "knowledge base, tutorial",
        ),
        "pl": (
            "Tworzenie dokumentacji i instrukcji IT",
            "Przygotowywanie podręczników, procedur i tekstów pomocy dla użytkowników i "
            "pracowników.",
            "dokumentacja, podręczniki, instrukcja obsługi, procedury, dokumentacja techniczna, "
            "teksty pomocy, baza wiedzy, poradniki",
        ),
        "nl": (
            "IT-documentatie en handleidingen schrijven",
            "Handleidingen, procedures en helpteksten maken voor gebruikers en personeel.",
            "documentatie, handleidingen, gebruikershandleiding, procedures, technisch schrijven, "
            "helpteksten, kennisbank, tutorials",
        ),
    },
    ("ecf", "B.6"): {
        "en": (
            "Engineering complete IT systems",
            "Building systems that combine hardware, software and networks, e.g. connected "
            "machines.",
            "systems engineering, hardware, embedded, iot, internet of things, network, "
            "infrastructure, industry 4.0, sensors",
        ),
        "fr": (
            "Concevoir des systèmes informatiques complets",
            "Construire des systèmes combinant matériel, logiciels et réseaux, par exemple des "
            "machines connectées.",
            "ingénierie système, matériel, embarqué, iot, objets connectés, réseau, "
            "infrastructure, industrie 4.0, capteurs",
        ),
        "de": (
            "Komplette IT-Systeme entwickeln",
            "Systeme aus Hardware, Software und Netzwerken bauen, z. B. vernetzte Maschinen.",
            "systems engineering, hardware, embedded, iot, internet der dinge, netzwerk, "
            "infrastruktur, industrie 4.0, sensoren",
        ),
        "es": (
            "Diseñar sistemas informáticos completos",
            "Construir sistemas que combinan equipos, programas y redes, por ejemplo máquinas "
            "conectadas.",
            "ingeniería de sistemas, hardware, sistemas embebidos, iot, internet de las cosas, "
            "red, infraestructura, industria 4.0, sensores",
        ),
        "it": (
            "Progettare sistemi informatici completi",
            "Realizzare sistemi che uniscono hardware, software e reti, per esempio macchine "
            "connesse.",
            "ingegneria dei sistemi, hardware, sistemi embedded, iot, internet delle cose, rete, "
            "infrastruttura, industria 4.0, sensori",
        ),
        "pl": (
            "Budowa kompletnych systemów IT",
            "Tworzenie systemów łączących sprzęt, oprogramowanie i sieci, np. połączonych maszyn.",
            "inżynieria systemów, sprzęt, systemy wbudowane, iot, internet rzeczy, sieć, "
            "infrastruktura, przemysł 4.0, czujniki",
        ),
        "nl": (
            "Volledige IT-systemen bouwen",
            "Systemen bouwen die hardware, software en netwerken combineren, bijvoorbeeld "
            "verbonden machines.",
            "systeemengineering, hardware, embedded, iot, internet of things, internet der "
            "dingen, netwerk, infrastructuur, industrie 4.0, sensoren",
        ),
    },
    ("ecf", "C.1"): {
        "en": (
            "Helping users with IT problems",
            "Answering staff's or customers' IT questions and solving their problems (helpdesk).",
            "helpdesk, help desk, it support, service desk, support, tickets, hotline, "
            "troubleshooting, customer support",
        ),
        "fr": (
            "Assister les utilisateurs",
            "Répondre aux questions informatiques du personnel ou des clients et résoudre leurs "
            "problèmes (support).",
            "support, assistance, helpdesk, hotline, service desk, tickets, dépannage, support "
            "client",
        ),
        "de": (
            "Nutzer bei IT-Fragen unterstützen",
            "IT-Fragen von Mitarbeitenden oder Kunden beantworten und Probleme lösen (Helpdesk).",
            "helpdesk, it-support, support, service desk, tickets, hotline, fehlerbehebung, "
            "kundensupport",
        ),
        "es": (
            "Ayudar a los usuarios con problemas informáticos",
            "Responder a las preguntas informáticas de empleados o clientes y resolver sus "
            "problemas (servicio de asistencia).",
            "helpdesk, servicio de asistencia, soporte informático, centro de servicios, soporte, "
            "incidencias, tickets, línea de ayuda, resolución de problemas, atención al cliente",
        ),
        "it": (
            "Aiutare gli utenti con i problemi informatici",
            "Rispondere alle domande informatiche di personale o clienti e risolverne i problemi "
            "(helpdesk).",
            "helpdesk, help desk, assistenza informatica, service desk, supporto, ticket, numero "
            "verde, risoluzione dei problemi, assistenza clienti",
        ),
        "pl": (
            "Pomoc użytkownikom w problemach z IT",
            "Odpowiadanie na pytania pracowników lub klientów dotyczące IT i rozwiązywanie ich "
            "problemów (helpdesk).",
            "helpdesk, pomoc techniczna, wsparcie it, service desk, wsparcie, zgłoszenia, "
            "infolinia, rozwiązywanie problemów, obsługa klienta",
        ),
        "nl": (
            "Gebruikers helpen met IT-problemen",
            "IT-vragen van personeel of klanten beantwoorden en hun problemen oplossen (helpdesk).",
            "helpdesk, servicedesk, it-ondersteuning, support, ondersteuning, tickets, hotline, "
            "probleemoplossing, klantenservice",
        ),
    },
    ("ecf", "C.2"): {
        "en": (
            "Managing changes to your IT",
            "Planning and carrying out changes to systems with as little disruption as possible.",
            "change management, updates, upgrades, migration, release, maintenance, versions",
        ),
        "fr": (
            "Gérer les changements informatiques",
            "Planifier et mener les changements de systèmes en perturbant le moins possible.",
            "gestion des changements, mises à jour, montée de version, migration, maintenance, "
            "versions",
        ),
        "de": (
            "Änderungen an der IT steuern",
            "Änderungen an Systemen planen und mit möglichst wenig Störung umsetzen.",
            "change management, änderungsmanagement, updates, upgrades, migration, release, "
            "wartung, versionen",
        ),
        "es": (
            "Gestionar los cambios en la informática",
            "Planificar y realizar cambios en los sistemas con las menores interrupciones "
            "posibles.",
            "gestión de cambios, actualizaciones, migración, versiones, mantenimiento",
        ),
        "it": (
            "Gestire le modifiche all’informatica",
            "Pianificare ed eseguire modifiche ai sistemi con il minor disagio possibile.",
            "gestione delle modifiche, change management, aggiornamenti, migrazione, rilascio, "
            "manutenzione, versioni",
        ),
        "pl": (
            "Zarządzanie zmianami w IT",
            "Planowanie i przeprowadzanie zmian w systemach przy jak najmniejszych zakłóceniach.",
            "zarządzanie zmianą, aktualizacje, migracja, wydanie, utrzymanie, konserwacja, wersje",
        ),
        "nl": (
            "Wijzigingen in uw IT beheren",
            "Wijzigingen in systemen plannen en doorvoeren met zo weinig mogelijk verstoring.",
            "wijzigingsbeheer, change management, updates, upgrades, migratie, release, "
            "onderhoud, versies",
        ),
    },
    ("ecf", "C.3"): {
        "en": (
            "Running IT services day to day",
            "Keeping IT services working reliably: operations, monitoring, incidents.",
            "it operations, service delivery, itil, monitoring, incidents, hosting, managed "
            "services, availability",
        ),
        "fr": (
            "Faire tourner les services informatiques",
            "Assurer au quotidien le bon fonctionnement des services : exploitation, "
            "supervision, incidents.",
            "exploitation, production informatique, itil, supervision, monitoring, incidents, "
            "hébergement, infogérance, disponibilité",
        ),
        "de": (
            "IT-Dienste im Alltag betreiben",
            "IT-Dienste zuverlässig am Laufen halten: Betrieb, Überwachung, Störungen.",
            "it-betrieb, betrieb, itil, monitoring, überwachung, störungen, vorfälle, hosting, "
            "managed services, verfügbarkeit",
        ),
        "es": (
            "Gestionar los servicios informáticos a diario",
            "Mantener los servicios informáticos funcionando de forma fiable: explotación, "
            "supervisión, incidencias.",
            "operaciones informáticas, prestación de servicios, itil, supervisión, "
            "monitorización, incidencias, alojamiento, servicios gestionados, disponibilidad",
        ),
        "it": (
            "Gestire ogni giorno i servizi informatici",
            "Mantenere i servizi informatici affidabili: esercizio, monitoraggio, incidenti.",
            "gestione operativa it, erogazione dei servizi, itil, monitoraggio, incidenti, "
            "hosting, servizi gestiti, disponibilità",
        ),
        "pl": (
            "Codzienne utrzymanie usług IT",
            "Zapewnienie niezawodnego działania usług IT: eksploatacja, monitorowanie, incydenty.",
            "utrzymanie it, świadczenie usług, itil, monitorowanie, incydenty, hosting, usługi "
            "zarządzane, dostępność",
        ),
        "nl": (
            "IT-diensten dagelijks draaiende houden",
            "IT-diensten betrouwbaar laten werken: beheer, monitoring, incidenten.",
            "it-beheer, dienstverlening, itil, monitoring, incidenten, hosting, managed services, "
            "beschikbaarheid",
        ),
    },
    ("ecf", "C.4"): {
        "en": (
            "Finding the causes of IT failures",
            "Tracing recurring IT problems to their root cause and preventing them.",
            "root cause, incidents, outages, failures, troubleshooting, problem management, "
            "recurring problems",
        ),
        "fr": (
            "Trouver la cause des pannes",
            "Remonter aux causes des problèmes récurrents et éviter qu’ils ne reviennent.",
            "cause racine, incidents, pannes, défaillances, dépannage, gestion des problèmes, "
            "problèmes récurrents",
        ),
        "de": (
            "Ursachen von IT-Störungen finden",
            "Wiederkehrende IT-Probleme bis zur Ursache verfolgen und verhindern.",
            "ursachenanalyse, störungen, ausfälle, fehler, fehlerbehebung, problemmanagement, "
            "wiederkehrende probleme",
        ),
        "es": (
            "Encontrar las causas de los fallos informáticos",
            "Rastrear los problemas informáticos recurrentes hasta su causa raíz y evitarlos.",
            "causa raíz, incidencias, caídas, fallos, averías, resolución de problemas, gestión "
            "de problemas, problemas recurrentes",
        ),
        "it": (
            "Trovare le cause dei guasti informatici",
            "Risalire alla causa dei problemi informatici ricorrenti e prevenirli.",
            "causa principale, incidenti, interruzioni, guasti, malfunzionamenti, risoluzione dei "
            "problemi, problem management, problemi ricorrenti",
        ),
        "pl": (
            "Ustalanie przyczyn awarii IT",
            "Docieranie do źródła powtarzających się problemów z IT i zapobieganie im.",
            "przyczyna źródłowa, incydenty, przestoje, awarie, rozwiązywanie problemów, "
            "zarządzanie problemami, powtarzające się problemy",
        ),
        "nl": (
            "De oorzaak van IT-storingen vinden",
            "Terugkerende IT-problemen herleiden tot hun grondoorzaak en voorkomen.",
            "grondoorzaak, oorzaakanalyse, incidenten, uitval, storingen, probleemoplossing, "
            "probleembeheer, terugkerende problemen",
        ),
    },
    ("ecf", "C.5"): {
        "en": (
            "Managing servers, networks and cloud systems",
            "Administering servers, networks, user accounts and cloud services.",
            "system administration, sysadmin, servers, network, it infrastructure, active "
            "directory, microsoft 365 admin, backup, user accounts, it admin",
        ),
        "fr": (
            "Administrer serveurs, réseaux et cloud",
            "Gérer serveurs, réseaux, comptes utilisateurs et services en nuage.",
            "administration système, administrateur, serveurs, réseau, infrastructure, active "
            "directory, sauvegarde, comptes, admin",
        ),
        "de": (
            "Server, Netzwerke und Cloud verwalten",
            "Server, Netzwerke, Benutzerkonten und Cloud-Dienste administrieren.",
            "systemadministration, administrator, admin, server, netzwerk, it-infrastruktur, "
            "active directory, backup, benutzerkonten",
        ),
        "es": (
            "Administrar servidores, redes y sistemas en la nube",
            "Administrar servidores, redes, cuentas de usuario y servicios en la nube.",
            "administración de sistemas, sysadmin, servidores, red, infraestructura informática, "
            "active directory, administración de microsoft 365, copia de seguridad, cuentas de "
            "usuario, administrador informático",
        ),
        "it": (
            "Gestire server, reti e sistemi cloud",
            "Amministrare server, reti, account utente e servizi cloud.",
            "amministrazione di sistema, sistemista, sysadmin, server, rete, infrastruttura "
            "informatica, active directory, amministrazione microsoft 365, backup, account "
            "utente, amministratore it",
        ),
        "pl": (
            "Zarządzanie serwerami, sieciami i chmurą",
            "Administrowanie serwerami, sieciami, kontami użytkowników i usługami w chmurze.",
            "administracja systemami, administrator, sysadmin, serwery, sieć, infrastruktura it, "
            "active directory, administracja microsoft 365, kopia zapasowa, konta użytkowników",
        ),
        "nl": (
            "Servers, netwerken en cloudsystemen beheren",
            "Servers, netwerken, gebruikersaccounts en clouddiensten beheren.",
            "systeembeheer, systeembeheerder, sysadmin, servers, netwerk, it-infrastructuur, "
            "active directory, microsoft 365-beheer, back-up, gebruikersaccounts, it-beheerder",
        ),
    },
    ("ecf", "D.1"): {
        "en": (
            "Planning your information security",
            "Deciding how to protect your business information: policies, priorities, budget.",
            "security strategy, security policy, cybersecurity, information security, iso "
            "27001, nis2, security plan, it security",
        ),
        "fr": (
            "Définir sa stratégie de sécurité",
            "Décider comment protéger les informations de l’entreprise : politique, priorités, "
            "budget.",
            "stratégie de sécurité, politique de sécurité, cybersécurité, sécurité de "
            "l’information, iso 27001, nis2, pssi, sécurité informatique",
        ),
        "de": (
            "Eine Sicherheitsstrategie festlegen",
            "Entscheiden, wie Unternehmensinformationen geschützt werden: Richtlinien, "
            "Prioritäten, Budget.",
            "sicherheitsstrategie, sicherheitsrichtlinie, cybersicherheit, "
            "informationssicherheit, iso 27001, nis2, sicherheitskonzept, it-sicherheit",
        ),
        "es": (
            "Planificar la seguridad de la información",
            "Decidir cómo proteger la información de su empresa: políticas, prioridades, "
            "presupuesto.",
            "estrategia de seguridad, política de seguridad, ciberseguridad, seguridad de la "
            "información, iso 27001, nis2, ens, plan de seguridad, seguridad informática",
        ),
        "it": (
            "Pianificare la sicurezza delle informazioni",
            "Decidere come proteggere le informazioni dell’impresa: politiche, priorità, budget.",
            "strategia di sicurezza, politica di sicurezza, cybersicurezza, sicurezza delle "
            "informazioni, iso 27001, nis2, piano di sicurezza, sicurezza informatica",
        ),
        "pl": (
            "Planowanie bezpieczeństwa informacji",
            "Decydowanie, jak chronić informacje firmy: polityki, priorytety, budżet.",
            "strategia bezpieczeństwa, polityka bezpieczeństwa, cyberbezpieczeństwo, "
            "bezpieczeństwo informacji, iso 27001, nis2, ksc, plan bezpieczeństwa, bezpieczeństwo "
            "it",
        ),
        "nl": (
            "Uw informatiebeveiliging plannen",
            "Bepalen hoe u de informatie van uw onderneming beschermt: beleid, prioriteiten, "
            "budget.",
            "beveiligingsstrategie, beveiligingsbeleid, cyberveiligheid, cybersecurity, "
            "informatiebeveiliging, iso 27001, nis2, beveiligingsplan, it-beveiliging",
        ),
    },
    ("ecf", "D.2"): {
        "en": (
            "Setting quality standards for IT",
            "Defining what good quality means for your IT and digital services, and how to "
            "measure it.",
            "quality strategy, quality standards, iso 9001, kpi, quality policy, metrics",
        ),
        "fr": (
            "Fixer la qualité attendue de l’informatique",
            "Définir ce qu’est une bonne qualité pour vos services numériques et comment la "
            "mesurer.",
            "stratégie qualité, normes qualité, iso 9001, indicateurs, kpi, politique qualité",
        ),
        "de": (
            "Qualitätsziele für die IT festlegen",
            "Bestimmen, was gute Qualität bei IT und digitalen Diensten heißt und wie man sie "
            "misst.",
            "qualitätsstrategie, qualitätsstandards, iso 9001, kennzahlen, kpi, qualitätspolitik",
        ),
        "es": (
            "Fijar normas de calidad para la informática",
            "Definir qué significa calidad para sus servicios informáticos y digitales, y cómo "
            "medirla.",
            "estrategia de calidad, normas de calidad, iso 9001, kpi, indicadores, política de "
            "calidad, métricas",
        ),
        "it": (
            "Definire standard di qualità per l’informatica",
            "Stabilire che cosa significa qualità per i servizi informatici e digitali, e come "
            "misurarla.",
            "strategia per la qualità, standard di qualità, iso 9001, kpi, indicatori, politica "
            "per la qualità, metriche",
        ),
        "pl": (
            "Standardy jakości w IT",
            "Określenie, co oznacza dobra jakość usług IT i cyfrowych oraz jak ją mierzyć.",
            "strategia jakości, standardy jakości, iso 9001, kpi, wskaźniki, polityka jakości, "
            "metryki",
        ),
        "nl": (
            "Kwaliteitsnormen voor IT vastleggen",
            "Bepalen wat goede kwaliteit betekent voor uw IT- en digitale diensten, en hoe u die "
            "meet.",
            "kwaliteitsstrategie, kwaliteitsnormen, iso 9001, kpi, kwaliteitsbeleid, "
            "meetgegevens, indicatoren",
        ),
    },
    ("ecf", "D.3"): {
        "en": (
            "Training your staff in digital skills",
            "Organising courses, coaching and e-learning so staff learn the digital skills they "
            "need.",
            "training, courses, e-learning, coaching, workshops, upskilling, teaching, learning "
            "platform, onboarding",
        ),
        "fr": (
            "Former le personnel au numérique",
            "Organiser cours, accompagnement et e-learning pour que le personnel acquière les "
            "compétences utiles.",
            "formation, cours, e-learning, coaching, ateliers, montée en compétences, "
            "enseignement, plateforme d’apprentissage, intégration",
        ),
        "de": (
            "Mitarbeitende digital schulen",
            "Kurse, Coaching und E-Learning organisieren, damit das Team die nötigen digitalen "
            "Kompetenzen lernt.",
            "schulung, weiterbildung, kurse, e-learning, coaching, workshops, qualifizierung, "
            "unterricht, lernplattform, einarbeitung",
        ),
        "es": (
            "Formar a su personal en competencias digitales",
            "Organizar cursos, acompañamiento y formación en línea para que el personal adquiera "
            "las competencias digitales que necesita.",
            "formación, cursos, e-learning, formación en línea, coaching, talleres, mejora de "
            "competencias, enseñanza, plataforma de aprendizaje, incorporación",
        ),
        "it": (
            "Formare il personale alle competenze digitali",
            "Organizzare corsi, affiancamento ed e-learning perché il personale acquisisca le "
            "competenze digitali necessarie.",
            "formazione, corsi, e-learning, formazione online, coaching, workshop, laboratori, "
            "aggiornamento delle competenze, insegnamento, piattaforma di apprendimento, "
            "inserimento",
        ),
        "pl": (
            "Szkolenie pracowników w zakresie umiejętności cyfrowych",
            "Organizowanie kursów, coachingu i e-learningu, aby pracownicy zdobyli potrzebne "
            "umiejętności cyfrowe.",
            "szkolenia, kursy, e-learning, coaching, warsztaty, podnoszenie kwalifikacji, "
            "nauczanie, platforma szkoleniowa, wdrożenie pracownika, onboarding",
        ),
        "nl": (
            "Uw personeel digitale vaardigheden bijbrengen",
            "Cursussen, coaching en e-learning organiseren zodat het personeel de nodige digitale "
            "vaardigheden leert.",
            "opleiding, training, cursussen, e-learning, coaching, workshops, bijscholing, "
            "onderwijs, leerplatform, onboarding",
        ),
    },
    ("ecf", "D.4"): {
        "en": (
            "Buying IT equipment and services",
            "Choosing suppliers, comparing offers and buying hardware, software and cloud "
            "services well.",
            "procurement, purchasing, buying, suppliers, vendors, tenders, quotes, licences, "
            "hardware, software purchase",
        ),
        "fr": (
            "Acheter matériel et services informatiques",
            "Choisir les fournisseurs, comparer les offres et bien acheter matériel, logiciels "
            "et services en nuage.",
            "achats, approvisionnement, fournisseurs, prestataires, appels d’offres, devis, "
            "licences, matériel, achat de logiciels",
        ),
        "de": (
            "IT-Ausstattung und -Dienste einkaufen",
            "Anbieter auswählen, Angebote vergleichen und Hardware, Software und Cloud-Dienste "
            "gut einkaufen.",
            "einkauf, beschaffung, lieferanten, anbieter, ausschreibungen, angebote, lizenzen, "
            "hardware, softwarekauf",
        ),
        "es": (
            "Comprar equipos y servicios informáticos",
            "Elegir proveedores, comparar ofertas y comprar bien equipos, programas y servicios "
            "en la nube.",
            "compras, adquisiciones, comprar, proveedores, licitaciones, presupuestos, licencias, "
            "hardware, equipos, compra de software",
        ),
        "it": (
            "Acquistare apparecchiature e servizi informatici",
            "Scegliere i fornitori, confrontare le offerte e acquistare bene hardware, software e "
            "servizi cloud.",
            "approvvigionamento, acquisti, comprare, fornitori, gare, preventivi, licenze, "
            "hardware, acquisto di software",
        ),
        "pl": (
            "Zakup sprzętu i usług IT",
            "Wybór dostawców, porównywanie ofert i rozsądny zakup sprzętu, oprogramowania i usług "
            "w chmurze.",
            "zakupy, zaopatrzenie, zamówienia, dostawcy, przetargi, oferty, licencje, sprzęt, "
            "zakup oprogramowania",
        ),
        "nl": (
            "IT-apparatuur en -diensten inkopen",
            "Leveranciers kiezen, offertes vergelijken en hardware, software en clouddiensten "
            "goed inkopen.",
            "inkoop, aankoop, kopen, leveranciers, aanbestedingen, offertes, licenties, hardware, "
            "software aankopen",
        ),
    },
    ("ecf", "D.5"): {
        "en": (
            "Selling digital products and services",
            "Finding customers and growing sales of digital or technology-based offers.",
            "sales, selling, b2b sales, lead generation, pre-sales, proposals, tenders, crm, "
            "pipeline",
        ),
        "fr": (
            "Vendre des produits et services numériques",
            "Trouver des clients et développer les ventes d’offres numériques ou technologiques.",
            "vente, ventes, commercial, prospection, génération de leads, avant-vente, "
            "propositions, appels d’offres, crm",
        ),
        "de": (
            "Digitale Produkte und Dienste verkaufen",
            "Kunden gewinnen und den Vertrieb digitaler oder technischer Angebote ausbauen.",
            "vertrieb, verkauf, b2b, leadgenerierung, pre-sales, angebote, ausschreibungen, "
            "crm, akquise",
        ),
        "es": (
            "Vender productos y servicios digitales",
            "Encontrar clientes y aumentar las ventas de ofertas digitales o tecnológicas.",
            "ventas, vender, ventas b2b, captación de clientes, generación de leads, preventa, "
            "propuestas comerciales, licitaciones, crm, embudo de ventas",
        ),
        "it": (
            "Vendere prodotti e servizi digitali",
            "Trovare clienti e far crescere le vendite di offerte digitali o tecnologiche.",
            "vendite, vendere, vendite b2b, lead generation, acquisizione clienti, prevendita, "
            "offerte commerciali, gare, crm, pipeline",
        ),
        "pl": (
            "Sprzedaż produktów i usług cyfrowych",
            "Pozyskiwanie klientów i zwiększanie sprzedaży ofert cyfrowych lub technologicznych.",
            "sprzedaż, sprzedaż b2b, pozyskiwanie klientów, generowanie leadów, presales, oferty "
            "handlowe, przetargi, crm, lejek sprzedażowy",
        ),
        "nl": (
            "Digitale producten en diensten verkopen",
            "Klanten vinden en de verkoop van digitale of technologische aanbiedingen laten "
            "groeien.",
            "verkoop, verkopen, b2b-verkoop, leadgeneratie, presales, offertes, aanbestedingen, "
            "crm, verkooppijplijn",
        ),
    },
    ("ecf", "D.6"): {
        "en": (
            "Online marketing and social media",
            "Reaching customers online: website, search engines, social media, newsletters and "
            "ads.",
            "digital marketing, online marketing, social media, facebook, instagram, linkedin, "
            "tiktok, seo, search engine optimisation, google ads, advertising, newsletter, "
            "email marketing, e-commerce, online shop, website traffic",
        ),
        "fr": (
            "Marketing en ligne et réseaux sociaux",
            "Toucher les clients en ligne : site web, moteurs de recherche, réseaux sociaux, "
            "lettres d’information, publicité.",
            "marketing digital, marketing numérique, webmarketing, réseaux sociaux, facebook, "
            "instagram, linkedin, tiktok, référencement, seo, google ads, publicité, "
            "newsletter, e-mailing, e-commerce, boutique en ligne",
        ),
        "de": (
            "Online-Marketing und soziale Medien",
            "Kunden online erreichen: Website, Suchmaschinen, soziale Medien, Newsletter und "
            "Werbung.",
            "digitales marketing, online-marketing, social media, soziale netzwerke, facebook, "
            "instagram, linkedin, tiktok, seo, suchmaschinenoptimierung, google ads, werbung, "
            "newsletter, e-mail-marketing, e-commerce, onlineshop",
        ),
        "es": (
            "Marketing en línea y redes sociales",
            "Llegar a los clientes en internet: sitio web, buscadores, redes sociales, boletines "
            "y anuncios.",
            "marketing digital, marketing en línea, redes sociales, facebook, instagram, "
            "linkedin, tiktok, seo, posicionamiento en buscadores, google ads, publicidad, "
            "boletín, newsletter, email marketing, comercio electrónico, tienda en línea, tráfico "
            "web, sitio web",
        ),
        "it": (
            "Marketing online e social media",
            "Raggiungere i clienti online: sito web, motori di ricerca, social media, newsletter "
            "e pubblicità.",
            "marketing digitale, marketing online, social media, social network, facebook, "
            "instagram, linkedin, tiktok, seo, posizionamento sui motori di ricerca, google ads, "
            "pubblicità, newsletter, email marketing, e-commerce, negozio online, traffico del "
            "sito, sito web",
        ),
        "pl": (
            "Marketing internetowy i media społecznościowe",
            "Docieranie do klientów w sieci: witryna firmy, wyszukiwarki, media "
            "społecznościowe, newslettery i reklamy.",
            "marketing cyfrowy, marketing internetowy, media społecznościowe, facebook, "
            "instagram, linkedin, tiktok, seo, pozycjonowanie, google ads, reklama, newsletter, "
            "e-mail marketing, e-commerce, sklep internetowy, ruch na stronie",
        ),
        "nl": (
            "Onlinemarketing en sociale media",
            "Klanten online bereiken: website, zoekmachines, sociale media, nieuwsbrieven en "
            "advertenties.",
            "digitale marketing, onlinemarketing, online marketing, sociale media, facebook, "
            "instagram, linkedin, tiktok, seo, zoekmachineoptimalisatie, google ads, adverteren, "
            "reclame, nieuwsbrief, e-mailmarketing, e-commerce, webwinkel, websiteverkeer, website",
        ),
    },
    ("ecf", "D.7"): {
        "en": (
            "Analysing your data",
            "Turning sales, customer or production data into figures, charts and forecasts for "
            "decisions.",
            "data analysis, analytics, business intelligence, bi, dashboards, reports, power "
            "bi, excel, statistics, kpi, forecasting, data science, big data",
        ),
        "fr": (
            "Analyser vos données",
            "Transformer les données de ventes, de clients ou de production en chiffres, "
            "graphiques et prévisions.",
            "analyse de données, analytique, informatique décisionnelle, bi, tableaux de bord, "
            "rapports, power bi, excel, statistiques, indicateurs, prévisions, data science, "
            "big data",
        ),
        "de": (
            "Ihre Daten auswerten",
            "Verkaufs-, Kunden- oder Produktionsdaten in Zahlen, Diagramme und Prognosen "
            "verwandeln.",
            "datenanalyse, analytics, business intelligence, bi, dashboards, berichte, power "
            "bi, excel, statistik, kennzahlen, prognosen, data science, big data",
        ),
        "es": (
            "Analizar sus datos",
            "Convertir los datos de ventas, clientes o producción en cifras, gráficos y "
            "previsiones para decidir.",
            "análisis de datos, analítica, inteligencia empresarial, business intelligence, bi, "
            "cuadros de mando, informes, power bi, excel, hoja de cálculo, estadística, kpi, "
            "previsiones, ciencia de datos, big data",
        ),
        "it": (
            "Analizzare i propri dati",
            "Trasformare i dati di vendite, clienti o produzione in cifre, grafici e previsioni "
            "per decidere.",
            "analisi dei dati, analytics, business intelligence, bi, cruscotti, dashboard, "
            "report, power bi, excel, foglio di calcolo, statistica, kpi, previsioni, data "
            "science, big data",
        ),
        "pl": (
            "Analiza danych firmy",
            "Przekształcanie danych o sprzedaży, klientach lub produkcji w liczby, wykresy i "
            "prognozy pomocne w decyzjach.",
            "analiza danych, analityka, business intelligence, bi, pulpity, dashboardy, raporty, "
            "power bi, excel, arkusz kalkulacyjny, statystyka, kpi, prognozowanie, data science, "
            "big data",
        ),
        "nl": (
            "Uw gegevens analyseren",
            "Verkoop-, klant- of productiegegevens omzetten in cijfers, grafieken en prognoses om "
            "beslissingen te nemen.",
            "data-analyse, gegevensanalyse, analytics, business intelligence, bi, dashboards, "
            "rapporten, power bi, excel, spreadsheet, rekenblad, statistiek, kpi, prognoses, data "
            "science, big data",
        ),
    },
    ("ecf", "D.8"): {
        "en": (
            "Managing IT contracts",
            "Negotiating and following up contracts with IT suppliers and customers.",
            "contracts, contract management, licences, suppliers, negotiation, terms, renewals, "
            "legal",
        ),
        "fr": (
            "Gérer les contrats informatiques",
            "Négocier et suivre les contrats avec les fournisseurs et les clients.",
            "contrats, gestion des contrats, licences, fournisseurs, négociation, conditions, "
            "renouvellement, juridique",
        ),
        "de": (
            "IT-Verträge managen",
            "Verträge mit IT-Lieferanten und Kunden verhandeln und betreuen.",
            "verträge, vertragsmanagement, lizenzen, lieferanten, verhandlung, bedingungen, "
            "verlängerung, recht",
        ),
        "es": (
            "Gestionar contratos informáticos",
            "Negociar y hacer el seguimiento de los contratos con proveedores y clientes "
            "informáticos.",
            "contratos, gestión de contratos, licencias, proveedores, negociación, condiciones, "
            "renovaciones, jurídico",
        ),
        "it": (
            "Gestire i contratti informatici",
            "Negoziare e seguire i contratti con fornitori e clienti informatici.",
            "contratti, gestione dei contratti, licenze, fornitori, negoziazione, condizioni, "
            "rinnovi, aspetti legali",
        ),
        "pl": (
            "Zarządzanie umowami IT",
            "Negocjowanie i monitorowanie umów z dostawcami i klientami IT.",
            "umowy, zarządzanie umowami, licencje, dostawcy, negocjacje, warunki, odnowienia, "
            "kwestie prawne",
        ),
        "nl": (
            "IT-contracten beheren",
            "Contracten met IT-leveranciers en -klanten onderhandelen en opvolgen.",
            "contracten, contractbeheer, licenties, leveranciers, onderhandeling, voorwaarden, "
            "verlengingen, juridisch",
        ),
    },
    ("ecf", "D.9"): {
        "en": (
            "Developing your IT team",
            "Planning the skills, careers and hiring of the people who work on your IT.",
            "hr, human resources, recruitment, hiring, careers, skills development, talent, it "
            "staff",
        ),
        "fr": (
            "Développer l’équipe informatique",
            "Planifier compétences, carrières et recrutements des personnes qui s’occupent de "
            "l’informatique.",
            "rh, ressources humaines, recrutement, embauche, carrières, développement des "
            "compétences, talents",
        ),
        "de": (
            "Das IT-Team entwickeln",
            "Kompetenzen, Laufbahnen und Einstellungen der IT-Mitarbeitenden planen.",
            "personal, personalentwicklung, hr, recruiting, einstellung, karriere, "
            "kompetenzentwicklung, talente, fachkräfte",
        ),
        "es": (
            "Desarrollar su equipo informático",
            "Planificar las competencias, las carreras y la contratación de las personas que "
            "trabajan en su informática.",
            "rrhh, recursos humanos, contratación, selección de personal, carreras, desarrollo de "
            "competencias, talento, personal informático",
        ),
        "it": (
            "Sviluppare il team informatico",
            "Pianificare competenze, carriere e assunzioni delle persone che si occupano "
            "dell’informatica.",
            "hr, risorse umane, reclutamento, assunzioni, selezione del personale, carriere, "
            "sviluppo delle competenze, talenti, personale it",
        ),
        "pl": (
            "Rozwój zespołu IT",
            "Planowanie kompetencji, ścieżek kariery i rekrutacji osób zajmujących się IT w "
            "firmie.",
            "hr, kadry, zasoby ludzkie, rekrutacja, zatrudnianie, kariera, rozwój kompetencji, "
            "talenty, pracownicy it",
        ),
        "nl": (
            "Uw IT-team ontwikkelen",
            "De vaardigheden, loopbanen en aanwerving plannen van de mensen die aan uw IT werken.",
            "hr, personeelszaken, human resources, werving, aanwerving, loopbaan, "
            "competentieontwikkeling, talent, it-personeel",
        ),
    },
    ("ecf", "D.10"): {
        "en": (
            "Sharing knowledge in the company",
            "Capturing what your people know and making information easy to find: wiki, "
            "intranet, document management.",
            "knowledge management, wiki, intranet, document management, dms, sharepoint, "
            "confluence, archives, information management",
        ),
        "fr": (
            "Partager les connaissances dans l’entreprise",
            "Capitaliser le savoir-faire et rendre l’information facile à trouver : wiki, "
            "intranet, gestion documentaire.",
            "gestion des connaissances, wiki, intranet, gestion documentaire, ged, sharepoint, "
            "confluence, archives, capitalisation",
        ),
        "de": (
            "Wissen im Unternehmen teilen",
            "Wissen festhalten und Informationen leicht auffindbar machen: Wiki, Intranet, "
            "Dokumentenmanagement.",
            "wissensmanagement, wiki, intranet, dokumentenmanagement, dms, sharepoint, "
            "confluence, archiv, informationsmanagement",
        ),
        "es": (
            "Compartir el conocimiento en la empresa",
            "Recoger lo que saben sus empleados y facilitar que la información se encuentre: "
            "wiki, intranet, gestión documental.",
            "gestión del conocimiento, wiki, intranet, gestión documental, dms, sharepoint, "
            "confluence, archivos, gestión de la información",
        ),
        "it": (
            "Condividere le conoscenze in azienda",
            "Raccogliere ciò che sanno i collaboratori e rendere le informazioni facili da "
            "trovare: wiki, intranet, gestione documentale.",
            "gestione della conoscenza, knowledge management, wiki, intranet, gestione "
            "documentale, dms, sharepoint, confluence, archivi, gestione delle informazioni",
        ),
        "pl": (
            "Dzielenie się wiedzą w firmie",
            "Gromadzenie wiedzy pracowników i ułatwianie odnajdywania informacji: wiki, intranet, "
            "zarządzanie dokumentami.",
            "zarządzanie wiedzą, wiki, intranet, zarządzanie dokumentami, obieg dokumentów, dms, "
            "sharepoint, confluence, archiwum, zarządzanie informacją",
        ),
        "nl": (
            "Kennis delen in de onderneming",
            "Vastleggen wat uw mensen weten en informatie makkelijk vindbaar maken: wiki, "
            "intranet, documentbeheer.",
            "kennisbeheer, kennismanagement, wiki, intranet, documentbeheer, dms, sharepoint, "
            "confluence, archief, informatiebeheer",
        ),
    },
    ("ecf", "D.11"): {
        "en": (
            "Working out what you need from IT",
            "Turning business problems into clear requirements for a digital solution.",
            "requirements, needs analysis, business analysis, specifications, user needs, "
            "requirements gathering",
        ),
        "fr": (
            "Définir ses besoins informatiques",
            "Traduire les problèmes de l’entreprise en besoins clairs pour une solution numérique.",
            "besoins, analyse des besoins, expression de besoins, cahier des charges, "
            "spécifications, analyse métier",
        ),
        "de": (
            "Den IT-Bedarf ermitteln",
            "Geschäftsprobleme in klare Anforderungen an eine digitale Lösung übersetzen.",
            "anforderungen, bedarfsanalyse, anforderungsanalyse, lastenheft, spezifikation, "
            "business analyse",
        ),
        "es": (
            "Definir lo que necesita de la informática",
            "Convertir los problemas de la empresa en requisitos claros para una solución digital.",
            "requisitos, análisis de necesidades, análisis de negocio, especificaciones, "
            "necesidades de los usuarios, toma de requisitos",
        ),
        "it": (
            "Capire che cosa serve dall’informatica",
            "Tradurre i problemi dell’impresa in requisiti chiari per una soluzione digitale.",
            "requisiti, analisi dei fabbisogni, analisi di business, specifiche, esigenze degli "
            "utenti, raccolta dei requisiti",
        ),
        "pl": (
            "Określenie potrzeb wobec IT",
            "Przekładanie problemów firmy na jasne wymagania dla rozwiązania cyfrowego.",
            "wymagania, analiza potrzeb, analiza biznesowa, specyfikacja, potrzeby użytkowników, "
            "zbieranie wymagań",
        ),
        "nl": (
            "Bepalen wat u van IT nodig hebt",
            "Bedrijfsproblemen vertalen naar duidelijke eisen voor een digitale oplossing.",
            "eisen, requirements, behoefteanalyse, bedrijfsanalyse, specificaties, "
            "gebruikersbehoeften, eisen verzamelen",
        ),
    },
    ("ecf", "E.1"): {
        "en": (
            "Forecasting future IT needs",
            "Estimating the IT capacity, skills and budget the business will need in the coming "
            "years.",
            "forecast, planning, capacity planning, budget, demand, trends, scenarios",
        ),
        "fr": (
            "Anticiper les besoins informatiques",
            "Estimer les capacités, compétences et budgets informatiques nécessaires dans les "
            "années à venir.",
            "prévisions, prévision, planification, capacité, budget, demande, tendances, scénarios",
        ),
        "de": (
            "Künftigen IT-Bedarf vorhersagen",
            "Abschätzen, welche IT-Kapazität, Kompetenzen und welches Budget künftig gebraucht "
            "werden.",
            "prognose, vorhersage, planung, kapazitätsplanung, budget, bedarf, trends, szenarien",
        ),
        "es": (
            "Prever las necesidades informáticas futuras",
            "Estimar la capacidad, las competencias y el presupuesto informáticos que la empresa "
            "necesitará en los próximos años.",
            "previsión, planificación, planificación de la capacidad, presupuesto, demanda, "
            "tendencias, escenarios",
        ),
        "it": (
            "Prevedere i fabbisogni informatici futuri",
            "Stimare la capacità, le competenze e il budget informatici di cui l’impresa avrà "
            "bisogno nei prossimi anni.",
            "previsione, pianificazione, pianificazione della capacità, budget, domanda, "
            "tendenze, scenari",
        ),
        "pl": (
            "Prognozowanie przyszłych potrzeb IT",
            "Szacowanie, jakich zasobów IT, kompetencji i budżetu firma będzie potrzebować w "
            "najbliższych latach.",
            "prognoza, planowanie, planowanie zasobów, budżet, zapotrzebowanie, trendy, "
            "scenariusze",
        ),
        "nl": (
            "Toekomstige IT-behoeften voorspellen",
            "Inschatten welke IT-capaciteit, vaardigheden en welk budget de onderneming de "
            "komende jaren nodig heeft.",
            "prognose, planning, capaciteitsplanning, budget, vraag, trends, scenario’s",
        ),
    },
    ("ecf", "E.2"): {
        "en": (
            "Managing digital projects",
            "Planning and steering IT projects: scope, schedule, budget, team and suppliers.",
            "project management, project manager, agile, scrum, kanban, planning, gantt, "
            "prince2, portfolio, jira, trello",
        ),
        "fr": (
            "Gérer des projets numériques",
            "Planifier et piloter les projets informatiques : périmètre, calendrier, budget, "
            "équipe, fournisseurs.",
            "gestion de projet, chef de projet, agile, scrum, kanban, planification, gantt, "
            "portefeuille, jira, trello",
        ),
        "de": (
            "Digitale Projekte managen",
            "IT-Projekte planen und steuern: Umfang, Zeitplan, Budget, Team und Dienstleister.",
            "projektmanagement, projektleitung, agil, scrum, kanban, planung, gantt, "
            "portfolio, jira, trello",
        ),
        "es": (
            "Gestionar proyectos digitales",
            "Planificar y dirigir proyectos informáticos: alcance, calendario, presupuesto, "
            "equipo y proveedores.",
            "gestión de proyectos, jefe de proyecto, agile, ágil, scrum, kanban, planificación, "
            "gantt, prince2, cartera de proyectos, jira, trello",
        ),
        "it": (
            "Gestire progetti digitali",
            "Pianificare e guidare progetti informatici: ambito, tempi, budget, squadra e "
            "fornitori.",
            "gestione dei progetti, project management, project manager, capo progetto, agile, "
            "scrum, kanban, pianificazione, gantt, prince2, portafoglio progetti, jira, trello",
        ),
        "pl": (
            "Zarządzanie projektami cyfrowymi",
            "Planowanie i prowadzenie projektów IT: zakres, harmonogram, budżet, zespół i "
            "dostawcy.",
            "zarządzanie projektami, kierownik projektu, agile, scrum, kanban, planowanie, "
            "harmonogram, gantt, prince2, portfel projektów, jira, trello",
        ),
        "nl": (
            "Digitale projecten beheren",
            "IT-projecten plannen en sturen: scope, planning, budget, team en leveranciers.",
            "projectmanagement, projectbeheer, projectleider, agile, scrum, kanban, planning, "
            "gantt, prince2, portfolio, jira, trello",
        ),
    },
    ("ecf", "E.3"): {
        "en": (
            "Managing IT risks",
            "Spotting what could go wrong with your IT, data or suppliers, and preparing for it.",
            "risk, risk assessment, business continuity, disaster recovery, backup plan, "
            "compliance, insurance, cyber risk",
        ),
        "fr": (
            "Gérer les risques informatiques",
            "Repérer ce qui pourrait mal tourner avec l’informatique, les données ou les "
            "fournisseurs, et s’y préparer.",
            "risques, analyse de risques, continuité d’activité, plan de reprise, sauvegarde, "
            "conformité, assurance, cyberrisque",
        ),
        "de": (
            "IT-Risiken managen",
            "Erkennen, was bei IT, Daten oder Dienstleistern schiefgehen kann, und vorsorgen.",
            "risiko, risikoanalyse, risikobewertung, notfallplan, business continuity, "
            "wiederherstellung, compliance, versicherung, cyberrisiko",
        ),
        "es": (
            "Gestionar los riesgos informáticos",
            "Detectar lo que puede fallar en su informática, sus datos o sus proveedores, y "
            "prepararse para ello.",
            "riesgo, evaluación de riesgos, continuidad de negocio, recuperación ante desastres, "
            "plan de contingencia, cumplimiento, seguros, ciberriesgo",
        ),
        "it": (
            "Gestire i rischi informatici",
            "Individuare che cosa può andare storto con informatica, dati o fornitori, e "
            "prepararsi.",
            "rischio, valutazione dei rischi, continuità operativa, disaster recovery, piano di "
            "emergenza, conformità, assicurazione, rischio informatico, cyber risk",
        ),
        "pl": (
            "Zarządzanie ryzykiem IT",
            "Rozpoznawanie, co może pójść źle z IT, danymi lub dostawcami, i przygotowanie się na "
            "to.",
            "ryzyko, ocena ryzyka, ciągłość działania, odtwarzanie po awarii, plan awaryjny, "
            "zgodność, ubezpieczenie, cyberryzyko",
        ),
        "nl": (
            "IT-risico’s beheren",
            "Zien wat er mis kan gaan met uw IT, gegevens of leveranciers, en u erop voorbereiden.",
            "risico, risicoanalyse, risicobeoordeling, bedrijfscontinuïteit, disaster recovery, "
            "noodplan, naleving, compliance, verzekering, cyberrisico",
        ),
    },
    ("ecf", "E.4"): {
        "en": (
            "Managing relations with customers and partners",
            "Building lasting relations with clients, suppliers and partners, often with a CRM.",
            "crm, customer relationship, customers, clients, partners, stakeholders, account "
            "management, customer loyalty, salesforce, hubspot",
        ),
        "fr": (
            "Gérer la relation avec clients et partenaires",
            "Construire des relations durables avec clients, fournisseurs et partenaires, "
            "souvent avec un CRM.",
            "crm, gestion de la relation client, grc, clients, partenaires, parties prenantes, "
            "fidélisation, salesforce, hubspot",
        ),
        "de": (
            "Kunden- und Partnerbeziehungen pflegen",
            "Dauerhafte Beziehungen zu Kunden, Lieferanten und Partnern aufbauen, oft mit einem "
            "CRM.",
            "crm, kundenbeziehung, kundenbeziehungsmanagement, kunden, partner, stakeholder, "
            "kundenbindung, salesforce, hubspot",
        ),
        "es": (
            "Gestionar las relaciones con clientes y socios",
            "Crear relaciones duraderas con clientes, proveedores y socios, a menudo con un CRM.",
            "crm, relación con el cliente, clientes, socios, partes interesadas, gestión de "
            "cuentas, fidelización, salesforce, hubspot",
        ),
        "it": (
            "Gestire le relazioni con clienti e partner",
            "Costruire relazioni durature con clienti, fornitori e partner, spesso con un CRM.",
            "crm, relazione con i clienti, clienti, partner, portatori di interesse, stakeholder, "
            "gestione dei clienti, fidelizzazione, salesforce, hubspot",
        ),
        "pl": (
            "Zarządzanie relacjami z klientami i partnerami",
            "Budowanie trwałych relacji z klientami, dostawcami i partnerami, często za pomocą "
            "CRM.",
            "crm, relacje z klientami, klienci, partnerzy, interesariusze, obsługa kluczowych "
            "klientów, lojalność klientów, salesforce, hubspot",
        ),
        "nl": (
            "Relaties met klanten en partners beheren",
            "Duurzame relaties opbouwen met klanten, leveranciers en partners, vaak met een CRM.",
            "crm, klantrelatie, klanten, partners, belanghebbenden, stakeholders, accountbeheer, "
            "klantenbinding, salesforce, hubspot",
        ),
    },
    ("ecf", "E.5"): {
        "en": (
            "Improving and digitising processes",
            "Finding better, often digital, ways to run everyday processes: orders, invoicing, "
            "stock.",
            "process improvement, digitalisation, digitization, paperless, workflow, "
            "automation, lean, efficiency, erp, e-invoicing",
        ),
        "fr": (
            "Améliorer et numériser les processus",
            "Trouver de meilleures façons, souvent numériques, de gérer commandes, facturation "
            "ou stocks.",
            "amélioration des processus, digitalisation, dématérialisation, zéro papier, flux "
            "de travail, automatisation, lean, efficacité, erp, facture électronique",
        ),
        "de": (
            "Abläufe verbessern und digitalisieren",
            "Bessere, oft digitale Wege für Alltagsabläufe finden: Bestellungen, Rechnungen, "
            "Lager.",
            "prozessoptimierung, digitalisierung, papierlos, workflow, arbeitsablauf, "
            "automatisierung, lean, effizienz, erp, e-rechnung",
        ),
        "es": (
            "Mejorar y digitalizar los procesos",
            "Encontrar formas mejores, a menudo digitales, de llevar los procesos diarios: "
            "pedidos, facturación, inventario.",
            "mejora de procesos, digitalización, sin papel, flujo de trabajo, automatización, "
            "lean, eficiencia, erp, factura electrónica, facturación electrónica",
        ),
        "it": (
            "Migliorare e digitalizzare i processi",
            "Trovare modi migliori, spesso digitali, di gestire i processi quotidiani: ordini, "
            "fatturazione, magazzino.",
            "miglioramento dei processi, digitalizzazione, dematerializzazione, senza carta, "
            "flusso di lavoro, workflow, automazione, lean, efficienza, erp, fatturazione "
            "elettronica, fattura elettronica",
        ),
        "pl": (
            "Usprawnianie i cyfryzacja procesów",
            "Znajdowanie lepszych, często cyfrowych sposobów prowadzenia codziennych procesów: "
            "zamówień, fakturowania, magazynu.",
            "usprawnianie procesów, cyfryzacja, digitalizacja, bez papieru, obieg pracy, "
            "workflow, automatyzacja, lean, efektywność, erp, e-faktura, ksef, fakturowanie "
            "elektroniczne",
        ),
        "nl": (
            "Processen verbeteren en digitaliseren",
            "Betere, vaak digitale manieren vinden voor dagelijkse processen: bestellingen, "
            "facturatie, voorraad.",
            "procesverbetering, digitalisering, papierloos, workflow, automatisering, lean, "
            "efficiëntie, erp, e-facturatie, elektronische facturen",
        ),
    },
    ("ecf", "E.6"): {
        "en": (
            "Checking the quality of IT services",
            "Measuring and improving the quality of your IT and digital services.",
            "quality management, quality assurance, audits, iso 9001, kpi, continuous "
            "improvement, customer satisfaction",
        ),
        "fr": (
            "Contrôler la qualité des services informatiques",
            "Mesurer et améliorer la qualité de l’informatique et des services numériques.",
            "management de la qualité, assurance qualité, audit, iso 9001, indicateurs, "
            "amélioration continue, satisfaction client",
        ),
        "de": (
            "Qualität der IT-Dienste sichern",
            "Die Qualität der IT und der digitalen Dienste messen und verbessern.",
            "qualitätsmanagement, qualitätssicherung, audit, iso 9001, kennzahlen, "
            "kontinuierliche verbesserung, kundenzufriedenheit",
        ),
        "es": (
            "Comprobar la calidad de los servicios informáticos",
            "Medir y mejorar la calidad de sus servicios informáticos y digitales.",
            "gestión de la calidad, aseguramiento de la calidad, auditorías, iso 9001, kpi, "
            "mejora continua, satisfacción del cliente",
        ),
        "it": (
            "Verificare la qualità dei servizi informatici",
            "Misurare e migliorare la qualità dei servizi informatici e digitali.",
            "gestione della qualità, garanzia della qualità, audit, iso 9001, kpi, miglioramento "
            "continuo, soddisfazione dei clienti",
        ),
        "pl": (
            "Kontrola jakości usług IT",
            "Mierzenie i poprawa jakości usług IT i cyfrowych.",
            "zarządzanie jakością, zapewnienie jakości, audyty, iso 9001, kpi, ciągłe "
            "doskonalenie, zadowolenie klientów",
        ),
        "nl": (
            "De kwaliteit van IT-diensten controleren",
            "De kwaliteit van uw IT- en digitale diensten meten en verbeteren.",
            "kwaliteitsbeheer, kwaliteitszorg, kwaliteitsborging, audits, iso 9001, kpi, continue "
            "verbetering, klanttevredenheid",
        ),
    },
    ("ecf", "E.7"): {
        "en": (
            "Leading digital change in your business",
            "Helping staff adopt new digital tools and ways of working.",
            "change management, digital transformation, adoption, organisational change, "
            "leadership, resistance to change, communication",
        ),
        "fr": (
            "Conduire le changement numérique",
            "Aider le personnel à adopter de nouveaux outils et de nouvelles façons de travailler.",
            "conduite du changement, transformation numérique, adoption, changement "
            "organisationnel, leadership, résistance au changement",
        ),
        "de": (
            "Den digitalen Wandel im Unternehmen führen",
            "Mitarbeitenden helfen, neue digitale Werkzeuge und Arbeitsweisen anzunehmen.",
            "change management, veränderungsmanagement, digitale transformation, akzeptanz, "
            "organisationsentwicklung, führung, widerstand",
        ),
        "es": (
            "Dirigir el cambio digital en su empresa",
            "Ayudar al personal a adoptar nuevas herramientas digitales y nuevas formas de "
            "trabajar.",
            "gestión del cambio, transformación digital, adopción, cambio organizativo, "
            "liderazgo, resistencia al cambio, comunicación",
        ),
        "it": (
            "Guidare il cambiamento digitale in azienda",
            "Aiutare il personale ad adottare nuovi strumenti digitali e nuovi modi di lavorare.",
            "gestione del cambiamento, change management, trasformazione digitale, adozione, "
            "cambiamento organizzativo, leadership, resistenza al cambiamento, comunicazione",
        ),
        "pl": (
            "Kierowanie zmianą cyfrową w firmie",
            "Pomaganie pracownikom we wdrażaniu nowych narzędzi cyfrowych i sposobów pracy.",
            "zarządzanie zmianą, transformacja cyfrowa, wdrażanie, zmiana organizacyjna, "
            "przywództwo, opór wobec zmian, komunikacja",
        ),
        "nl": (
            "Digitale verandering in uw onderneming leiden",
            "Het personeel helpen nieuwe digitale middelen en werkwijzen over te nemen.",
            "verandermanagement, digitale transformatie, adoptie, organisatieverandering, "
            "leiderschap, weerstand tegen verandering, communicatie",
        ),
    },
    ("ecf", "E.8"): {
        "en": (
            "Running information security day to day",
            "Putting security measures in place and checking them: access rights, incidents, "
            "audits.",
            "information security, cybersecurity, it security, security management, isms, "
            "access control, security incidents, iso 27001, nis2, phishing, awareness",
        ),
        "fr": (
            "Gérer la sécurité de l’information au quotidien",
            "Mettre en place et contrôler les mesures de sécurité : droits d’accès, incidents, "
            "audits.",
            "sécurité de l’information, cybersécurité, sécurité informatique, smsi, contrôle "
            "d’accès, incidents de sécurité, iso 27001, nis2, hameçonnage, phishing, "
            "sensibilisation",
        ),
        "de": (
            "Informationssicherheit im Alltag managen",
            "Sicherheitsmaßnahmen einführen und prüfen: Zugriffsrechte, Vorfälle, Audits.",
            "informationssicherheit, cybersicherheit, it-sicherheit, isms, zugriffsrechte, "
            "sicherheitsvorfälle, iso 27001, nis2, phishing, sensibilisierung",
        ),
        "es": (
            "Gestionar la seguridad de la información a diario",
            "Aplicar medidas de seguridad y comprobarlas: derechos de acceso, incidentes, "
            "auditorías.",
            "seguridad de la información, ciberseguridad, seguridad informática, gestión de la "
            "seguridad, sgsi, control de acceso, incidentes de seguridad, iso 27001, nis2, "
            "phishing, concienciación",
        ),
        "it": (
            "Gestire ogni giorno la sicurezza delle informazioni",
            "Attuare le misure di sicurezza e verificarle: diritti di accesso, incidenti, audit.",
            "sicurezza delle informazioni, cybersicurezza, sicurezza informatica, gestione della "
            "sicurezza, sgsi, isms, controllo degli accessi, incidenti di sicurezza, iso 27001, "
            "nis2, phishing, sensibilizzazione",
        ),
        "pl": (
            "Codzienne zarządzanie bezpieczeństwem informacji",
            "Wdrażanie i sprawdzanie środków bezpieczeństwa: uprawnienia dostępu, incydenty, "
            "audyty.",
            "bezpieczeństwo informacji, cyberbezpieczeństwo, bezpieczeństwo it, zarządzanie "
            "bezpieczeństwem, szbi, kontrola dostępu, incydenty bezpieczeństwa, iso 27001, nis2, "
            "phishing, świadomość zagrożeń",
        ),
        "nl": (
            "Informatiebeveiliging dagelijks beheren",
            "Beveiligingsmaatregelen invoeren en controleren: toegangsrechten, incidenten, audits.",
            "informatiebeveiliging, cyberveiligheid, cybersecurity, it-beveiliging, "
            "beveiligingsbeheer, isms, toegangscontrole, beveiligingsincidenten, iso 27001, nis2, "
            "phishing, bewustwording",
        ),
    },
    ("ecf", "E.9"): {
        "en": (
            "IT governance and compliance",
            "Setting who decides what about IT, and making sure IT follows rules and laws.",
            "it governance, governance, compliance, regulation, policies, audit, cobit, "
            "accountability",
        ),
        "fr": (
            "Gouvernance et conformité informatiques",
            "Fixer qui décide de quoi en informatique et veiller au respect des règles et des "
            "lois.",
            "gouvernance informatique, gouvernance, conformité, réglementation, politiques, "
            "audit, cobit, responsabilités",
        ),
        "de": (
            "IT-Governance und Compliance",
            "Festlegen, wer in der IT was entscheidet, und sicherstellen, dass Regeln und "
            "Gesetze eingehalten werden.",
            "it-governance, governance, compliance, regulierung, richtlinien, audit, cobit, "
            "verantwortlichkeiten",
        ),
        "es": (
            "Gobernanza y cumplimiento informáticos",
            "Establecer quién decide qué sobre la informática y garantizar que esta cumple las "
            "normas y las leyes.",
            "gobernanza informática, gobernanza, cumplimiento, normativa, regulación, políticas, "
            "auditoría, cobit, rendición de cuentas",
        ),
        "it": (
            "Governance e conformità dell’informatica",
            "Stabilire chi decide che cosa sull’informatica e garantire che rispetti regole e "
            "leggi.",
            "governance it, governance, conformità, compliance, normativa, regolamentazione, "
            "politiche, audit, cobit, responsabilità",
        ),
        "pl": (
            "Ład informatyczny i zgodność",
            "Ustalenie, kto decyduje o sprawach IT, oraz dbanie o zgodność IT z przepisami i "
            "prawem.",
            "ład informatyczny, it governance, nadzór, zgodność, compliance, regulacje, przepisy, "
            "polityki, audyt, cobit, odpowiedzialność",
        ),
        "nl": (
            "IT-governance en naleving",
            "Vastleggen wie wat beslist over IT, en ervoor zorgen dat IT regels en wetten naleeft.",
            "it-governance, governance, naleving, compliance, regelgeving, beleid, audit, cobit, "
            "verantwoording",
        ),
    },
    # ---------------------------------------------------------------------------------------
    # Advanced digital areas (Digital Europe Programme)
    # ---------------------------------------------------------------------------------------
    ("advanced", "AI"): {
        "en": (
            "Artificial intelligence (AI)",
            "Using AI such as chatbots, text generators, image recognition or forecasts in your "
            "business.",
            "ai, artificial intelligence, chatgpt, copilot, generative ai, machine learning, "
            "chatbot, prediction, llm",
        ),
        "fr": (
            "Intelligence artificielle (IA)",
            "Utiliser l’IA dans votre activité : agents conversationnels, génération de textes, "
            "reconnaissance d’images, prévisions.",
            "ia, intelligence artificielle, chatgpt, copilot, ia générative, apprentissage "
            "automatique, machine learning, chatbot, prédiction",
        ),
        "de": (
            "Künstliche Intelligenz (KI)",
            "KI wie Chatbots, Textgeneratoren, Bilderkennung oder Prognosen im Unternehmen nutzen.",
            "ki, künstliche intelligenz, ai, chatgpt, copilot, generative ki, maschinelles "
            "lernen, machine learning, chatbot, vorhersage",
        ),
        "es": (
            "Inteligencia artificial (IA)",
            "Utilizar la IA, como chatbots, generadores de texto, reconocimiento de imágenes o "
            "previsiones, en su empresa.",
            "ia, inteligencia artificial, ai, chatgpt, copilot, ia generativa, aprendizaje "
            "automático, machine learning, chatbot, predicción, llm",
        ),
        "it": (
            "Intelligenza artificiale (IA)",
            "Usare l’IA, come chatbot, generatori di testo, riconoscimento di immagini o "
            "previsioni, nella Sua impresa.",
            "ia, intelligenza artificiale, ai, chatgpt, copilot, ia generativa, apprendimento "
            "automatico, machine learning, chatbot, previsione, llm",
        ),
        "pl": (
            "Sztuczna inteligencja (AI)",
            "Wykorzystanie w firmie AI, np. chatbotów, generatorów tekstu, rozpoznawania obrazów "
            "lub prognoz.",
            "ai, si, sztuczna inteligencja, chatgpt, copilot, generatywna ai, uczenie maszynowe, "
            "machine learning, chatbot, prognozowanie, llm",
        ),
        "nl": (
            "Artificiële intelligentie (AI)",
            "AI zoals chatbots, tekstgeneratoren, beeldherkenning of voorspellingen inzetten in "
            "uw onderneming.",
            "ai, ki, artificiële intelligentie, kunstmatige intelligentie, chatgpt, copilot, "
            "generatieve ai, machine learning, machinaal leren, chatbot, voorspelling, llm",
        ),
    },
    ("advanced", "CYBER"): {
        "en": (
            "Cybersecurity",
            "Protecting your business against hackers, ransomware, phishing and data theft.",
            "cyber security, it security, hacking, hackers, ransomware, phishing, malware, "
            "firewall, penetration testing, nis2, data breach",
        ),
        "fr": (
            "Cybersécurité",
            "Protéger l’entreprise contre les pirates, les rançongiciels, l’hameçonnage et le "
            "vol de données.",
            "sécurité informatique, piratage, pirates, hackers, rançongiciel, ransomware, "
            "hameçonnage, phishing, logiciel malveillant, pare-feu, test d’intrusion, nis2, "
            "fuite de données",
        ),
        "de": (
            "Cybersicherheit",
            "Ihr Unternehmen vor Hackern, Erpressersoftware, Phishing und Datendiebstahl schützen.",
            "it-sicherheit, hacker, hacking, ransomware, erpressersoftware, phishing, "
            "schadsoftware, firewall, penetrationstest, nis2, datenleck",
        ),
        "es": (
            "Ciberseguridad",
            "Proteger su empresa frente a piratas informáticos, ransomware, phishing y robo de "
            "datos.",
            "ciberseguridad, seguridad informática, hackeo, piratas informáticos, hackers, "
            "ransomware, phishing, malware, cortafuegos, firewall, pruebas de penetración, nis2, "
            "brecha de datos",
        ),
        "it": (
            "Cybersicurezza",
            "Proteggere l’impresa da hacker, ransomware, phishing e furto di dati.",
            "cybersicurezza, cybersecurity, sicurezza informatica, hacker, attacchi informatici, "
            "ransomware, phishing, malware, firewall, penetration test, nis2, violazione dei "
            "dati, data breach",
        ),
        "pl": (
            "Cyberbezpieczeństwo",
            "Ochrona firmy przed hakerami, ransomware, phishingiem i kradzieżą danych.",
            "cyberbezpieczeństwo, bezpieczeństwo it, hakerzy, włamania, ransomware, phishing, "
            "złośliwe oprogramowanie, malware, zapora sieciowa, firewall, testy penetracyjne, "
            "nis2, wyciek danych",
        ),
        "nl": (
            "Cyberbeveiliging",
            "Uw onderneming beschermen tegen hackers, ransomware, phishing en gegevensdiefstal.",
            "cybersecurity, cyberveiligheid, it-beveiliging, hacken, hackers, ransomware, "
            "phishing, malware, firewall, penetratietest, nis2, datalek",
        ),
    },
    ("advanced", "CLOUD"): {
        "en": (
            "Cloud computing",
            "Moving software, files and servers to online services, and using them well.",
            "cloud services, saas, microsoft 365, google workspace, aws, azure, online storage, "
            "hosting, servers, migration",
        ),
        "fr": (
            "Informatique en nuage (cloud)",
            "Passer logiciels, fichiers et serveurs sur des services en ligne, et bien les "
            "utiliser.",
            "cloud, nuage, services cloud, saas, microsoft 365, google workspace, aws, azure, "
            "stockage en ligne, hébergement, serveurs, migration",
        ),
        "de": (
            "Cloud-Computing",
            "Software, Dateien und Server in Online-Dienste verlagern und gut nutzen.",
            "cloud-dienste, saas, microsoft 365, google workspace, aws, azure, online-speicher, "
            "hosting, server, migration",
        ),
        "es": (
            "Computación en la nube",
            "Llevar programas, archivos y servidores a servicios en línea y aprovecharlos bien.",
            "nube, cloud, servicios en la nube, saas, microsoft 365, google workspace, aws, "
            "azure, almacenamiento en línea, alojamiento, servidores, migración",
        ),
        "it": (
            "Cloud computing",
            "Trasferire software, file e server su servizi online e usarli al meglio.",
            "cloud, servizi cloud, nuvola, saas, microsoft 365, google workspace, aws, azure, "
            "archiviazione online, hosting, server, migrazione",
        ),
        "pl": (
            "Chmura obliczeniowa",
            "Przeniesienie oprogramowania, plików i serwerów do usług online i dobre korzystanie "
            "z nich.",
            "chmura, cloud, usługi chmurowe, saas, microsoft 365, google workspace, aws, azure, "
            "przechowywanie w chmurze, hosting, serwery, migracja",
        ),
        "nl": (
            "Cloudcomputing",
            "Software, bestanden en servers naar onlinediensten verhuizen en die goed gebruiken.",
            "cloud, clouddiensten, saas, microsoft 365, google workspace, aws, azure, online "
            "opslag, hosting, servers, migratie",
        ),
    },
    ("advanced", "DATA"): {
        "en": (
            "Big data and data engineering",
            "Collecting, storing and processing large amounts of data, e.g. from machines, "
            "sales or sensors.",
            "big data, data engineering, data warehouse, databases, data pipelines, analytics, "
            "data platform, sql, etl",
        ),
        "fr": (
            "Données massives et ingénierie des données",
            "Collecter, stocker et traiter de gros volumes de données, issues par exemple de "
            "machines, de ventes ou de capteurs.",
            "big data, données massives, ingénierie des données, entrepôt de données, bases de "
            "données, analytique, sql, etl",
        ),
        "de": (
            "Big Data und Datenverarbeitung",
            "Große Datenmengen sammeln, speichern und verarbeiten, z. B. aus Maschinen, "
            "Verkäufen oder Sensoren.",
            "big data, data engineering, data warehouse, datenbanken, datenpipelines, "
            "analytics, datenplattform, sql, etl",
        ),
        "es": (
            "Macrodatos e ingeniería de datos",
            "Recoger, almacenar y procesar grandes cantidades de datos, por ejemplo de máquinas, "
            "ventas o sensores.",
            "big data, macrodatos, ingeniería de datos, almacén de datos, data warehouse, bases "
            "de datos, flujos de datos, analítica, plataforma de datos, sql, etl",
        ),
        "it": (
            "Big data e ingegneria dei dati",
            "Raccogliere, archiviare ed elaborare grandi quantità di dati, per esempio da "
            "macchine, vendite o sensori.",
            "big data, ingegneria dei dati, data warehouse, banche dati, database, pipeline di "
            "dati, analytics, piattaforma dati, sql, etl",
        ),
        "pl": (
            "Big data i inżynieria danych",
            "Gromadzenie, przechowywanie i przetwarzanie dużych ilości danych, np. z maszyn, "
            "sprzedaży lub czujników.",
            "big data, duże zbiory danych, inżynieria danych, hurtownia danych, bazy danych, "
            "potoki danych, analityka, platforma danych, sql, etl",
        ),
        "nl": (
            "Big data en data-engineering",
            "Grote hoeveelheden gegevens verzamelen, opslaan en verwerken, bijvoorbeeld van "
            "machines, verkoop of sensoren.",
            "big data, data-engineering, datawarehouse, databanken, databases, datapijplijnen, "
            "analytics, dataplatform, sql, etl",
        ),
    },
    ("advanced", "HPC"): {
        "en": (
            "High-performance computing",
            "Using supercomputers for heavy simulations, design or data work.",
            "hpc, supercomputer, simulation, computing power, gpu, modelling, eurohpc",
        ),
        "fr": (
            "Calcul haute performance",
            "Recourir aux supercalculateurs pour des simulations, de la conception ou des "
            "calculs lourds.",
            "hpc, supercalculateur, simulation, puissance de calcul, gpu, modélisation, eurohpc",
        ),
        "de": (
            "Hochleistungsrechnen",
            "Supercomputer für aufwendige Simulationen, Konstruktion oder Datenarbeit nutzen.",
            "hpc, supercomputer, simulation, rechenleistung, gpu, modellierung, eurohpc",
        ),
        "es": (
            "Computación de alto rendimiento",
            "Utilizar superordenadores para simulaciones, diseño o tratamiento de datos exigentes.",
            "hpc, supercomputador, superordenador, simulación, potencia de cálculo, gpu, "
            "modelización, eurohpc",
        ),
        "it": (
            "Calcolo ad alte prestazioni",
            "Usare i supercomputer per simulazioni, progettazione o elaborazioni di dati "
            "impegnative.",
            "hpc, supercomputer, supercalcolo, simulazione, potenza di calcolo, gpu, "
            "modellazione, eurohpc",
        ),
        "pl": (
            "Obliczenia wielkiej skali (HPC)",
            "Wykorzystanie superkomputerów do wymagających symulacji, projektowania lub "
            "przetwarzania danych.",
            "hpc, superkomputer, symulacje, moc obliczeniowa, gpu, modelowanie, eurohpc",
        ),
        "nl": (
            "Hoogwaardige rekenkracht (HPC)",
            "Supercomputers gebruiken voor zware simulaties, ontwerp- of datawerk.",
            "hpc, supercomputer, simulatie, rekenkracht, gpu, modellering, eurohpc",
        ),
    },
    ("advanced", "QUANTUM"): {
        "en": (
            "Quantum computing",
            "Understanding what quantum computers may change in your sector.",
            "quantum, qubits, quantum technologies, post-quantum cryptography",
        ),
        "fr": (
            "Informatique quantique",
            "Comprendre ce que les ordinateurs quantiques pourraient changer dans votre secteur.",
            "quantique, ordinateur quantique, qubits, technologies quantiques, cryptographie "
            "post-quantique",
        ),
        "de": (
            "Quantencomputing",
            "Verstehen, was Quantencomputer in Ihrer Branche verändern könnten.",
            "quanten, quantencomputer, qubits, quantentechnologie, post-quanten-kryptografie",
        ),
        "es": (
            "Computación cuántica",
            "Entender qué pueden cambiar los ordenadores cuánticos en su sector.",
            "cuántica, cúbits, qubits, tecnologías cuánticas, criptografía poscuántica",
        ),
        "it": (
            "Calcolo quantistico",
            "Capire che cosa potrebbero cambiare i computer quantistici nel Suo settore.",
            "quantistico, qubit, tecnologie quantistiche, crittografia post-quantistica",
        ),
        "pl": (
            "Obliczenia kwantowe",
            "Zrozumienie, co komputery kwantowe mogą zmienić w danej branży.",
            "kwantowy, kubity, technologie kwantowe, kryptografia postkwantowa",
        ),
        "nl": (
            "Kwantumcomputing",
            "Begrijpen wat kwantumcomputers in uw sector kunnen veranderen.",
            "kwantum, quantum, qubits, kwantumtechnologie, post-kwantumcryptografie",
        ),
    },
    ("advanced", "BLOCKCHAIN"): {
        "en": (
            "Blockchain",
            "Using blockchain for traceability, smart contracts or digital certificates.",
            "distributed ledger, smart contracts, crypto, nft, traceability, tokens, ebsi",
        ),
        "fr": (
            "Chaîne de blocs (blockchain)",
            "Utiliser la blockchain pour la traçabilité, les contrats intelligents ou les "
            "attestations numériques.",
            "blockchain, registre distribué, contrats intelligents, smart contracts, crypto, "
            "traçabilité, jetons, ebsi",
        ),
        "de": (
            "Blockchain",
            "Blockchain für Rückverfolgbarkeit, Smart Contracts oder digitale Nachweise nutzen.",
            "distributed ledger, smart contracts, krypto, rückverfolgbarkeit, token, ebsi",
        ),
        "es": (
            "Cadena de bloques (blockchain)",
            "Utilizar la cadena de bloques para la trazabilidad, los contratos inteligentes o los "
            "certificados digitales.",
            "blockchain, cadena de bloques, registro distribuido, contratos inteligentes, smart "
            "contracts, cripto, nft, trazabilidad, tokens, ebsi",
        ),
        "it": (
            "Blockchain",
            "Usare la blockchain per la tracciabilità, gli smart contract o i certificati "
            "digitali.",
            "blockchain, registro distribuito, smart contract, contratti intelligenti, cripto, "
            "nft, tracciabilità, token, ebsi",
        ),
        "pl": (
            "Blockchain",
            "Wykorzystanie blockchainu do identyfikowalności, inteligentnych kontraktów lub "
            "cyfrowych certyfikatów.",
            "blockchain, łańcuch bloków, rejestr rozproszony, inteligentne kontrakty, smart "
            "contracts, kryptowaluty, nft, identyfikowalność, tokeny, ebsi",
        ),
        "nl": (
            "Blockchain",
            "Blockchain gebruiken voor traceerbaarheid, slimme contracten of digitale "
            "certificaten.",
            "blockchain, distributed ledger, gedistribueerd grootboek, slimme contracten, smart "
            "contracts, crypto, nft, traceerbaarheid, tokens, ebsi",
        ),
    },
}

SKILL_KEYS: tuple[tuple[str, str], ...] = tuple(_SKILLS)


def plain_skill(framework_key: str, code: str, language: str | None = None) -> Plain | None:
    """The plain words of a competence in `language` (the active one by default), or None for a
    competence that has none (a newer fixture than this module: the caller shows its title)."""
    entry = _SKILLS.get((framework_key, code))
    if entry is None:
        return None
    label, description, synonyms = entry[language_of(language)]
    return Plain(label, description, tuple(s.strip() for s in synonyms.split(",") if s.strip()))


def plain_area(framework_key: str, code: str, language: str | None = None) -> str | None:
    names = AREAS.get((framework_key, code))
    return names[language_of(language)] if names else None


def plain_framework(framework_key: str, language: str | None = None) -> str | None:
    names = FRAMEWORKS.get(framework_key)
    return names[language_of(language)] if names else None
