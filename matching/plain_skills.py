"""Plain words for the skill taxonomy, in the interface's languages (English, French, German).

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

Pure data, no ORM: tests/matching/test_plain_skills.py checks that every competence of the
fixture has its words in every language.
"""

from typing import NamedTuple

from django.utils.translation import get_language

LANGUAGES = ("en", "fr", "de")
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
    },
    "ecf": {
        "en": "IT specialist skills",
        "fr": "Compétences informatiques spécialisées",
        "de": "IT-Fachkompetenzen",
    },
    "advanced": {
        "en": "Advanced technologies",
        "fr": "Technologies avancées",
        "de": "Zukunftstechnologien",
    },
}

# (framework key, area code) → {language: plain name}; the advanced digital areas have no area
AREAS: dict[tuple[str, str], dict[str, str]] = {
    ("digcomp", "1"): {
        "en": "Finding and managing information",
        "fr": "Trouver et gérer l’information",
        "de": "Informationen finden und verwalten",
    },
    ("digcomp", "2"): {
        "en": "Communicating and working together online",
        "fr": "Communiquer et collaborer en ligne",
        "de": "Online kommunizieren und zusammenarbeiten",
    },
    ("digcomp", "3"): {
        "en": "Creating digital content",
        "fr": "Créer des contenus numériques",
        "de": "Digitale Inhalte erstellen",
    },
    ("digcomp", "4"): {
        "en": "Staying safe online",
        "fr": "Sécurité et protection",
        "de": "Sicherheit und Schutz",
    },
    ("digcomp", "5"): {
        "en": "Solving problems with digital tools",
        "fr": "Résoudre des problèmes grâce au numérique",
        "de": "Probleme mit digitalen Mitteln lösen",
    },
    ("ecf", "A"): {
        "en": "Planning IT",
        "fr": "Planifier l’informatique",
        "de": "IT planen",
    },
    ("ecf", "B"): {
        "en": "Building software and systems",
        "fr": "Développer logiciels et systèmes",
        "de": "Software und Systeme entwickeln",
    },
    ("ecf", "C"): {
        "en": "Running IT and supporting users",
        "fr": "Exploiter l’informatique et assister les utilisateurs",
        "de": "IT betreiben und Nutzer unterstützen",
    },
    ("ecf", "D"): {
        "en": "Security, data, marketing, purchasing and training",
        "fr": "Sécurité, données, marketing, achats et formation",
        "de": "Sicherheit, Daten, Marketing, Einkauf und Schulung",
    },
    ("ecf", "E"): {
        "en": "Managing IT: projects, risks, quality",
        "fr": "Piloter l’informatique : projets, risques, qualité",
        "de": "IT steuern: Projekte, Risiken, Qualität",
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
