"""The demo's good practices, as their SMEs wrote them (practices/demo.py seeds them).

Each text keeps the language it is written in (`language`, an ISO 639-1 code): practices do not
record their language yet (issue #16), and when they do, the demo can fill it from here.
Plain data, no ORM: titles are the practices' keys (with their SME), so keep them unique.
"""

from typing import NamedTuple


class DemoPractice(NamedTuple):
    organisation: str
    language: str
    call: str  # a key of CALLS in practices/demo.py
    title: str
    summary: str  # the short description
    online_learning: str
    methodology: str
    keep_learning: str
    audience: str  # Audience: ict, other, both
    topics: tuple[str, ...]  # Topic slugs (practices/taxonomy.py)
    tools: tuple[str, ...]  # TrainingTool slugs
    other_tools: str
    employees_reached: int
    since_year: int
    days_ago: int  # published this many days ago
    views: int  # views before the last twelve weeks (which PracticeViewDay holds)


P = DemoPractice

PUBLISHED = [
    # --- French -----------------------------------------------------------------------------
    P("Atelier Lumière SARL", "fr", "2025", "L'heure d'apprentissage du vendredi",
      "Chaque vendredi après-midi, tout l'atelier consacre une heure à un cours en ligne choisi "
      "avec son responsable. Elements of AI a été notre premier cours commun ; les progrès sont "
      "discutés à la réunion du lundi.",
      "Une heure par semaine sur le temps de travail, sur les postes de l'atelier ou à la maison.",
      "Apprendre, appliquer la semaine même sur une commande réelle, puis montrer à un collègue.",
      "Les certificats sont affichés dans l'atelier et fêtés autour d'un café.",
      "both", ("artificial-intelligence", "basic-digital-skills"), ("elements-of-ai",), "",
      14, 2021, 262, 388),
    P("Boulangerie Martin & Fils", "fr", "2025", "Commandes en ligne : toute l'équipe formée",
      "Quand nous avons ouvert la commande en ligne, chaque vendeuse et chaque boulanger a suivi "
      "un court module sur la boutique en ligne et la gestion des retraits. Aujourd'hui, un tiers "
      "des commandes du week-end arrive par le site.",
      "Des modules de 20 minutes de Google Digital Garage, suivis à deux sur la tablette.",
      "Binômes vendeuse–boulanger : l'un lit, l'autre manipule, puis on inverse.",
      "Un point de cinq minutes chaque samedi matin sur les commandes de la semaine.",
      "other", ("digital-marketing", "basic-digital-skills"), ("google-digital-garage",), "",
      11, 2022, 221, 245),
    P("Cabinet Durand Architectes", "fr", "2024", "La maquette numérique apprise en binôme",
      "Pour passer au BIM, deux architectes ont suivi une formation en ligne puis ont accompagné "
      "chacun un collègue sur un vrai projet. En un an, tous nos permis sont déposés avec une "
      "maquette numérique.",
      "Cours en ligne LinkedIn Learning, deux heures par semaine pendant trois mois.",
      "Formation en cascade : les deux premiers formés deviennent tuteurs.",
      "Une revue de projet mensuelle où chacun présente une astuce découverte.",
      "ict", ("software-development", "collaboration"), ("linkedin-learning",), "Revit",
      6, 2020, 540, 512),
    P("Transports Giraud SAS", "fr", "2024", "Écoconduite et tablettes de bord",
      "Nos 60 chauffeurs ont appris à lire les données de consommation de leur tablette de bord. "
      "Un chauffeur référent anime des séances de 15 minutes au dépôt ; la consommation de "
      "carburant a baissé de 7 %.",
      "Vidéos courtes sur notre plateforme Moodle, consultables depuis la tablette du camion.",
      "Pair à pair : un chauffeur référent par équipe, formé en premier.",
      "Un classement mensuel amical de l'écoconduite, sans sanction.",
      "other", ("data-analytics", "green-digital"), ("moodle",), "",
      64, 2019, 610, 433),
    P("Imprimerie Lambert SRL", "fr", "2025", "Cybersécurité : le mois du mot de passe",
      "Après une tentative d'hameçonnage, nous avons organisé un « mois du mot de passe » : un "
      "module en ligne par semaine, un gestionnaire de mots de passe pour tous et un faux courriel "
      "piégé à la fin du mois.",
      "Quatre modules courts de la plateforme européenne Digital Skills and Jobs.",
      "Une semaine, un thème ; le vendredi, on partage ce qu'on a appris.",
      "Un rappel trimestriel et un nouveau test d'hameçonnage chaque année.",
      "both", ("cybersecurity",), ("digital-skills-jobs-platform",), "",
      22, 2023, 134, 198),
    P("Épicerie Fine Weber S.à r.l.", "fr", "2025", "Nos vendeurs deviennent photographes",
      "Pour notre boutique en ligne, chaque vendeur apprend à photographier et décrire un produit. "
      "Nous avons suivi ensemble un cours gratuit de marketing numérique, puis chacun a pris en "
      "charge un rayon du site.",
      "Un cours en ligne gratuit, suivi pendant les heures creuses de l'après-midi.",
      "Chacun est responsable d'un rayon de la boutique en ligne.",
      "Le produit du mois le mieux présenté est mis en vitrine.",
      "other", ("digital-marketing",), ("google-digital-garage",), "Canva",
      5, 2023, 96, 121),
    P("Atelier Lumière SARL", "fr", "2024", "Des luminaires dessinés en 3D par les artisans",
      "Nos artisans, formés au tour et à la soudure, ont appris la modélisation 3D avec un "
      "logiciel libre. Les prototypes sont désormais imprimés en 3D avant d'être fabriqués.",
      "Tutoriels vidéo en ligne et un cours Coursera d'introduction à la CAO.",
      "Un projet réel par personne, accompagné par notre designer.",
      "Un concours interne du plus beau prototype chaque trimestre.",
      "other", ("software-development", "automation"), ("coursera",), "FreeCAD",
      9, 2020, 575, 301),
    # --- German -----------------------------------------------------------------------------
    P("Brandt & Söhne Logistik GmbH", "de", "2025", "Fahrer werden Datenlotsen",
      "Unsere Fahrer und Disponenten lernen, die Routendaten zu lesen, die sie selbst erzeugen. "
      "Ein als „Datenlotse“ geschulter Disponent hält 20-minütige Einheiten im Depot mit unseren "
      "eigenen Dashboards.",
      "Kurse von Microsoft Learn zu Power BI, in Arbeitszeit auf den Depot-Rechnern.",
      "Peer-Learning: Datenlotsen aus den eigenen Reihen schulen ihre Kollegen.",
      "Jedes Quartal stellt ein Team eine Verbesserung vor, die es in den Daten gefunden hat.",
      "other", ("data-analytics",), ("microsoft-learn",), "Power BI",
      85, 2022, 240, 268),
    P("Holzmanufaktur Keller GmbH", "de", "2024", "Die digitale Werkstattmappe",
      "Statt Papierzeichnungen nutzt unsere Werkstatt Tablets mit einer digitalen Auftragsmappe. "
      "Jeder Tischler hat einen Online-Grundkurs gemacht; die Auszubildenden helfen den "
      "Erfahrenen bei den ersten Schritten.",
      "Ein Grundkurs der Digital Skills and Jobs Platform und kurze Videos vom Hersteller.",
      "Umgekehrtes Mentoring: Auszubildende zeigen, Meister fragen.",
      "Ein fester „Digitalfreitag“ im Monat für Fragen und neue Funktionen.",
      "other", ("basic-digital-skills", "collaboration"), ("digital-skills-jobs-platform",), "",
      18, 2021, 505, 344),
    P("Praxisnetz Schäfer MVZ GmbH", "de", "2025", "Datenschutz im Praxisalltag",
      "Alle medizinischen Fachangestellten absolvieren jährlich ein kurzes Online-Training zu "
      "Datenschutz und sicheren Passwörtern. Fälle aus dem eigenen Praxisalltag machen es "
      "greifbar.",
      "Online-Lerneinheiten auf unserer Moodle-Plattform, je 15 Minuten.",
      "Fallbeispiele aus der eigenen Praxis, anonymisiert besprochen.",
      "Wer das Training abschließt, erhält eine Urkunde; eine Auffrischung folgt jährlich.",
      "other", ("cybersecurity",), ("moodle",), "",
      47, 2020, 160, 150),
    P("Kaiser Metallbau GmbH", "de", "2024", "Roboterschweißen im Tandem",
      "Als wir unsere erste Schweißzelle kauften, lernten je ein erfahrener Schweißer und ein "
      "junger Kollege gemeinsam die Programmierung. Heute betreuen vier Tandems drei Roboter.",
      "Online-Kurse des Herstellers und Videos, in der Schicht am Leitstand angesehen.",
      "Tandems aus Erfahrung und Neugier, jede neue Aufgabe zuerst am Simulator.",
      "Ein Tandem stellt jeden Monat ein optimiertes Programm vor.",
      "both", ("automation",), ("mooc-other",), "Hersteller-Akademie",
      24, 2021, 470, 402),
    P("Alpenblick Hotels GmbH", "de", "2025", "Rezeption ohne Papier",
      "In unseren drei Hotels wurde der Check-in digitalisiert. Das Rezeptionsteam hat in kleinen "
      "Online-Lektionen gelernt, mit dem neuen System und mit Gästefragen dazu umzugehen.",
      "Kurze Lektionen auf LinkedIn Learning und eine eigene Video-Sammlung.",
      "Jede Rezeption hat eine „Digitalpatin“ als erste Ansprechpartnerin.",
      "Ein monatliches Teamfrühstück mit einem Tipp des Monats.",
      "other", ("basic-digital-skills", "collaboration"), ("linkedin-learning",), "",
      38, 2023, 75, 142),
    P("Holzmanufaktur Keller GmbH", "de", "2025", "CNC-Fräse: vom Online-Kurs zur Serie",
      "Zwei Tischler lernten online die Programmierung unserer CNC-Fräse und schreiben heute die "
      "Programme für Serienmöbel. Sie geben ihr Wissen in kurzen Werkstattrunden weiter.",
      "Ein Udemy-Business-Kurs zu CAD/CAM, in der Arbeitszeit.",
      "Lernen am eigenen Werkstück: jedes Modul endet mit einem Teil aus der Fräse.",
      "Werkstattrunden alle zwei Wochen, offen für alle.",
      "both", ("automation", "software-development"), ("udemy-business",), "",
      7, 2023, 58, 95),
    # --- Spanish ----------------------------------------------------------------------------
    P("Tecnologías Verdes del Sur S.L.", "es", "2025", "Mes de la ciberhigiene",
      "Cada octubre toda la plantilla hace un curso breve de ciberseguridad en línea y una "
      "prueba simulada de phishing. Los resultados se comparten de forma anónima y el mejor "
      "equipo gana una comida.",
      "Cursos de la plataforma Digital Skills and Jobs, en horario laboral.",
      "Un tema por semana y una prueba práctica al final del mes.",
      "Recordatorios trimestrales y un nuevo simulacro cada año.",
      "both", ("cybersecurity",), ("digital-skills-jobs-platform",), "",
      32, 2022, 200, 590),
    P("Conservas Rías Baixas S.L.", "es", "2024", "Trazabilidad digital en la fábrica",
      "Para digitalizar la trazabilidad de cada lata, formamos a las jefas de línea en el uso de "
      "tabletas y lectores de códigos. Ellas formaron después a sus equipos en la propia línea.",
      "Vídeos cortos y cuestionarios en nuestra plataforma Moodle.",
      "Formación en cascada: jefas de línea primero, luego cada turno.",
      "Una reunión de cinco minutos al inicio de turno para dudas y mejoras.",
      "other", ("data-analytics", "automation"), ("moodle",), "",
      120, 2019, 630, 377),
    P("Clínica Dental Sonrisa S.L.P.", "es", "2025", "Cita previa en línea sin estrés",
      "Al introducir la cita previa en línea, cada miembro del equipo hizo un curso corto sobre "
      "atención digital al paciente. Ahora la mitad de las citas se reservan por internet.",
      "Un curso gratuito de Google Actívate, completado en dos semanas.",
      "Cada persona practica con casos reales en la recepción.",
      "Una sesión trimestral para revisar las opiniones de los pacientes.",
      "other", ("digital-marketing", "basic-digital-skills"), ("google-digital-garage",), "",
      6, 2023, 110, 88),
    P("Tecnologías Verdes del Sur S.L.", "es", "2024", "Sensores solares: técnicos que programan",
      "Nuestros técnicos de instalaciones solares aprendieron a programar los sensores de "
      "monitorización. Un curso en línea y un proyecto real por persona fueron la clave.",
      "Un curso de edX sobre Internet de las cosas, dos tardes por semana.",
      "Aprender haciendo: cada técnico instala y programa un sensor en una obra real.",
      "Un foro interno donde se comparten los fallos y sus soluciones.",
      "ict", ("software-development", "green-digital"), ("edx",), "Arduino",
      12, 2021, 520, 264),
    P("Conservas Rías Baixas S.L.", "es", "2025", "Inteligencia artificial para todos",
      "Toda la plantilla de oficina y las jefas de línea hicieron el curso Elements of AI en "
      "español. Después, propusieron tres ideas de uso en la fábrica; una ya está en marcha.",
      "Elements of AI, a su ritmo, con una hora semanal reservada.",
      "Grupos de estudio de cuatro personas que se reúnen cada viernes.",
      "Un concurso anual de ideas digitales con premio para el equipo.",
      "both", ("artificial-intelligence",), ("elements-of-ai",), "",
      45, 2024, 35, 160),
    # --- Italian ----------------------------------------------------------------------------
    P("Ceramiche Bellini S.r.l.", "it", "2025", "Il catalogo online lo fanno i ceramisti",
      "I nostri ceramisti hanno imparato a fotografare e descrivere i loro pezzi per il negozio "
      "online. Un breve corso di marketing digitale e tanta pratica in laboratorio.",
      "Un corso gratuito di Google Digital Garage, seguito insieme il lunedì pomeriggio.",
      "Ognuno cura la scheda online dei pezzi che produce.",
      "Ogni mese scegliamo insieme la foto migliore per la newsletter.",
      "other", ("digital-marketing",), ("google-digital-garage",), "",
      9, 2022, 182, 210),
    P("Studio Legale Conti", "it", "2024", "Lo studio senza carta",
      "Abbiamo portato tutto lo studio al fascicolo digitale. Ogni collaboratore ha seguito un "
      "percorso online su archiviazione, firma digitale e sicurezza dei documenti.",
      "Moduli online della piattaforma Digital Skills and Jobs e guide del fornitore.",
      "Un avvocato e una segretaria referenti per le domande quotidiane.",
      "Un aggiornamento semestrale sulle novità del processo telematico.",
      "other", ("basic-digital-skills", "cybersecurity"), ("digital-skills-jobs-platform",), "",
      8, 2020, 590, 233),
    P("Oleificio Ferraro S.r.l.", "it", "2025", "Dati del frantoio a portata di tablet",
      "Durante la campagna olearia i nostri operai leggono su tablet temperature e rese delle "
      "macine. Un breve corso sull'analisi dei dati li ha resi autonomi.",
      "Corso online su Coursera, seguito nei mesi prima della raccolta.",
      "Affiancamento: ogni nuovo operaio lavora una settimana con un esperto.",
      "Una riunione a fine campagna per confrontare i dati con l'anno precedente.",
      "other", ("data-analytics",), ("coursera",), "",
      15, 2023, 140, 176),
    P("Ceramiche Bellini S.r.l.", "it", "2024", "Smalti e sostenibilità misurata",
      "Un piccolo gruppo ha imparato a misurare i consumi energetici dei forni con semplici "
      "strumenti digitali. I dati guidano ora la programmazione delle cotture.",
      "Un MOOC sulla transizione verde, con esercizi sui dati dei nostri forni.",
      "Un gruppo di lavoro di tre persone che riferisce a tutti ogni mese.",
      "I risparmi ottenuti finanziano un corso scelto dai dipendenti.",
      "both", ("green-digital", "data-analytics"), ("mooc-other",), "",
      9, 2021, 495, 189),
    P("Studio Legale Conti", "it", "2025", "Intelligenza artificiale, con giudizio",
      "Avvocati e collaboratori hanno seguito Elements of AI per capire cosa l'intelligenza "
      "artificiale può e non può fare. Ne è nata una regola interna d'uso condivisa.",
      "Elements of AI in italiano, un capitolo ogni due settimane.",
      "Discussione di gruppo dopo ogni capitolo, con esempi dal lavoro dello studio.",
      "La regola d'uso viene rivista ogni sei mesi.",
      "both", ("artificial-intelligence",), ("elements-of-ai",), "",
      8, 2024, 20, 64),
    # --- Polish -----------------------------------------------------------------------------
    P("Drukarnia Nowak Sp. z o.o.", "pl", "2025", "Cyfrowy obieg zleceń w drukarni",
      "Przeszliśmy z papierowych kart zleceń na system online. Każdy pracownik przeszedł krótki "
      "kurs, a dwie osoby zostały „cyfrowymi opiekunami” na każdej zmianie.",
      "Krótkie lekcje wideo i kursy Microsoft Learn, w godzinach pracy.",
      "Cyfrowi opiekunowie na każdej zmianie pomagają kolegom przy maszynach.",
      "Co miesiąc krótkie spotkanie z nowościami w systemie.",
      "other", ("basic-digital-skills", "collaboration"), ("microsoft-learn",), "",
      28, 2022, 250, 187),
    P("Stolarnia Kowalski Sp. z o.o.", "pl", "2024", "Projektowanie mebli w 3D z klientem",
      "Nasi stolarze nauczyli się projektować meble w 3D i pokazywać projekt klientowi na "
      "tablecie. Zamówienia są szybsze, a poprawek jest mniej.",
      "Kurs online Udemy Business z projektowania 3D.",
      "Każdy stolarz projektuje jeden prawdziwy mebel pod okiem kolegi.",
      "Wspólny przegląd projektów raz w miesiącu.",
      "other", ("software-development",), ("udemy-business",), "SketchUp",
      5, 2021, 455, 143),
    P("Biuro Rachunkowe Lewandowska", "pl", "2025", "Bezpieczne biuro rachunkowe",
      "Pracujemy na danych klientów, więc każda z nas co roku przechodzi kurs bezpieczeństwa "
      "online i test phishingowy. Wprowadziłyśmy też menedżer haseł.",
      "Kursy na platformie Digital Skills and Jobs, po jednym module tygodniowo.",
      "Ćwiczenia na prawdziwych, zanonimizowanych przykładach z biura.",
      "Coroczny test i krótkie przypomnienia przed sezonem rozliczeń.",
      "other", ("cybersecurity",), ("digital-skills-jobs-platform",), "",
      7, 2023, 92, 118),
    P("Drukarnia Nowak Sp. z o.o.", "pl", "2024", "Sztuczna inteligencja w przygotowalni",
      "Graficy z przygotowalni ukończyli kurs Elements of AI i testują narzędzia AI do "
      "retuszu. Zasady korzystania opracowali sami.",
      "Elements of AI po polsku, w tempie dwóch rozdziałów miesięcznie.",
      "Grupa robocza grafików dzieli się wynikami testów.",
      "Pokaz najlepszych prac co kwartał dla całej firmy.",
      "ict", ("artificial-intelligence",), ("elements-of-ai",), "",
      6, 2024, 400, 121),
    # --- Dutch ------------------------------------------------------------------------------
    P("Brouwerij De Smet BV", "nl", "2025", "Brouwers leren met data sturen",
      "Onze brouwers lezen nu zelf de sensordata van de ketels. Na een online cursus "
      "data-analyse bespreken ze wekelijks de grafieken van elke brouwsel.",
      "Een online cursus op LinkedIn Learning, in werktijd.",
      "Elke brouwer volgt één ketel en presenteert zijn bevindingen.",
      "Een wekelijks brouwoverleg met de data op tafel.",
      "both", ("data-analytics", "automation"), ("linkedin-learning",), "",
      16, 2022, 190, 205),
    P("Van Dijk Tuinbouw BV", "nl", "2024", "Klimaatcomputer: iedereen aan het stuur",
      "In onze kassen regelt een klimaatcomputer licht, warmte en water. Alle vaste "
      "medewerkers volgden een online training en kunnen nu zelf instellingen aanpassen.",
      "Online modules van de leverancier en een eigen handleiding met video's.",
      "Koppels van een ervaren teler en een nieuwe collega.",
      "Een maandelijkse rondgang door de kas met de cijfers van de computer.",
      "other", ("automation", "green-digital"), ("mooc-other",), "Leveranciersacademie",
      21, 2020, 480, 251),
    P("Fietsfabriek Zwolle BV", "nl", "2025", "Elke monteur een digitale werkplaats",
      "Onze monteurs werken met digitale werkinstructies op schermen aan de lijn. Een korte "
      "online cursus en collega-instructeurs maakten de overstap soepel.",
      "Microsoft Learn-modules en eigen instructievideo's.",
      "Collega-instructeurs per lijn, getraind in twee dagen.",
      "Verbeterideeën worden elke week op het scherm verzameld.",
      "other", ("basic-digital-skills", "automation"), ("microsoft-learn",), "",
      72, 2021, 120, 230),
    P("Brouwerij De Smet BV", "nl", "2024", "Onze webshop, ons team",
      "Tijdens de lockdown begonnen we een webshop. Het hele team volgde een korte cursus "
      "online marketing en iedereen schrijft nu beurtelings de nieuwsbrief.",
      "Google Digital Garage, modules over webwinkels en sociale media.",
      "Een roulatieschema: elke maand een ander teamlid voor de nieuwsbrief.",
      "Een jaarlijkse evaluatie van wat het best werkte.",
      "other", ("digital-marketing",), ("google-digital-garage",), "",
      16, 2020, 600, 318),
    # --- English ----------------------------------------------------------------------------
    P("Koivu Design Oy", "en", "2025", "Pair learning for design tools",
      "Each new tool is learnt in pairs: one designer follows the online course, then teaches a "
      "colleague on a real project the same week. Seven tools learnt this way in two years.",
      "LinkedIn Learning courses, two hours a week in working time.",
      "Learn, apply on a client project the same week, teach a colleague.",
      "A show-and-tell every other Friday where each pair presents what they built.",
      "ict", ("software-development", "collaboration"), ("linkedin-learning",), "Figma",
      6, 2021, 250, 133),
    P("Saimaa Outdoor Oy", "en", "2024", "Guides who run their own booking site",
      "Our nature guides learnt to update the booking site, answer reviews and post on social "
      "media from their phones, through short online modules during the quiet winter months.",
      "Google Digital Garage modules, one a week from November to March.",
      "Each guide owns one tour's page and its reviews.",
      "A spring meeting where we look at the bookings of each tour together.",
      "other", ("digital-marketing", "basic-digital-skills"), ("google-digital-garage",), "",
      8, 2022, 560, 176),
    P("Fjällbacka Fisk AB", "en", "2025", "From paper log to digital catch records",
      "Our crews now record catches on a rugged tablet. The skipper and one deckhand took an "
      "online course first and trained the others on board.",
      "Short video lessons from the Digital Skills and Jobs Platform, watched in port.",
      "Train-the-trainer: the first two trained teach the rest of the crew at sea.",
      "Each season ends with a crew meeting on what the data showed.",
      "other", ("data-analytics", "basic-digital-skills"), ("digital-skills-jobs-platform",), "",
      14, 2022, 175, 102),
    P("Kilbride Engineering Ltd", "en", "2024", "Apprentices teach the shop floor to code",
      "Our apprentices learnt Python through an online course and now run lunchtime sessions for "
      "machinists who want to automate their measurement reports.",
      "Python courses on edX, two afternoons a week for apprentices.",
      "Reverse mentoring: apprentices teach, experienced machinists bring real problems.",
      "A lunchtime club every Wednesday, with sandwiches on the company.",
      "both", ("software-development", "automation"), ("edx",), "Python",
      40, 2021, 515, 290),
    P("Têxteis Lusos Lda", "en", "2025", "Cutting waste with data on every loom",
      "Weavers learnt to read the dashboards of our looms and spot faults early. Fabric waste "
      "fell by a tenth in the first year.",
      "A Coursera course on data literacy, followed in small groups.",
      "Each team owns one production line's dashboard and its weekly review.",
      "Team results are shown in the canteen every month.",
      "other", ("data-analytics", "green-digital"), ("coursera",), "",
      95, 2023, 150, 140),
    P("Tallinn Code Works OÜ", "en", "2024", "Security champions in every team",
      "Every development team names a security champion who follows an online course on secure "
      "coding and reviews the team's code with security in mind.",
      "Cisco Networking Academy and OWASP materials, four hours a month.",
      "Champions meet monthly and share what they found in code reviews.",
      "A yearly capture-the-flag day for the whole company.",
      "ict", ("cybersecurity", "software-development"), ("cisco-networking-academy",), "OWASP",
      23, 2020, 430, 356),
    P("Pivovar Horák s.r.o.", "en", "2025", "The brewery's cloud, explained to the brewers",
      "When we moved our orders and stock to the cloud, every brewer followed a short online "
      "course so that everyone understands where the data lives and how to keep it safe.",
      "Microsoft Learn fundamentals modules, in working time.",
      "Short sessions at the brewhouse with a colleague who had done the course.",
      "A question of the week on the staff noticeboard.",
      "other", ("cloud", "basic-digital-skills"), ("microsoft-learn",), "",
      19, 2023, 98, 84),
    P("Nørrebro Cykler ApS", "en", "2025", "A repair shop on social media",
      "Our four mechanics film short repair tips for social media. They learnt filming and "
      "editing on a phone through a free online course.",
      "Google Digital Garage and YouTube tutorials, one hour a week.",
      "Each mechanic makes one video a month, reviewed by a colleague.",
      "The most-watched video of the month earns a day off.",
      "other", ("digital-marketing",), ("google-digital-garage",), "",
      4, 2024, 45, 57),
    P("Planinska Sirarna d.o.o.", "en", "2024", "Cheesemakers' online shop and accessibility",
      "We built our online shop to be usable by everyone. The team learnt the basics of web "
      "accessibility online and tests each new page with a screen reader.",
      "An edX course on web accessibility, followed together.",
      "Every new page is tested by a colleague with a screen reader before it goes live.",
      "An accessibility check of the whole shop twice a year.",
      "both", ("accessibility", "digital-marketing"), ("edx",), "",
      6, 2022, 410, 132),
    P("Aegean Travel Services IKE", "en", "2025", "Elements of AI for a travel agency",
      "All our travel consultants completed Elements of AI. We now use simple AI tools to draft "
      "itineraries, always checked by a consultant before they reach a customer.",
      "Elements of AI in Greek, at each person's pace, with an hour a week reserved.",
      "Study pairs who compare how the tools did on real itineraries.",
      "An internal guide to AI use, updated every season.",
      "both", ("artificial-intelligence",), ("elements-of-ai",), "",
      17, 2024, 60, 126),
    P("Kilbride Engineering Ltd", "en", "2025", "Cloud drawings for the whole workshop",
      "Technical drawings moved to a shared cloud workspace. Machinists learnt to open, comment "
      "and version drawings on tablets at their machines.",
      "Microsoft Learn modules on cloud collaboration.",
      "Two champions per shift answer questions at the machine.",
      "A monthly tip sent by email, chosen by the champions.",
      "other", ("cloud", "collaboration"), ("microsoft-learn",), "",
      40, 2023, 30, 71),
    P("Koivu Design Oy", "en", "2024", "Accessible design, learnt on our own projects",
      "Every designer completed an online course in digital accessibility; each project now "
      "passes an accessibility review before delivery.",
      "An edX course, one module a week.",
      "Peer accessibility reviews on every client project.",
      "A yearly refresher and a shared checklist we keep improving.",
      "ict", ("accessibility",), ("edx",), "",
      6, 2020, 660, 201),
    P("Saimaa Outdoor Oy", "en", "2025", "Green digital: measuring our footprint",
      "Guides learnt to measure the carbon footprint of each tour with a free online calculator "
      "and now show it to customers on the booking page.",
      "A MOOC on the green transition, followed during the winter season.",
      "Each guide measures one tour and presents it to the team.",
      "The footprint of every tour is reviewed at the end of each season.",
      "other", ("green-digital",), ("mooc-other",), "",
      8, 2024, 15, 41),
    P("Tallinn Code Works OÜ", "en", "2025", "Building AI together on Fridays",
      "Our developers follow Building AI together on Friday afternoons and apply each chapter "
      "to a small internal tool.",
      "Building AI, one chapter every two weeks.",
      "Study groups of three who build one internal prototype.",
      "A demo day each quarter for the whole company.",
      "ict", ("artificial-intelligence", "software-development"), ("building-ai",), "",
      23, 2024, 5, 12),
]  # fmt: skip

# Submissions to the open call (the reviewers' queue): organisation, language, state, title,
# summary, days since it was sent (None: a draft), the demo reviewer's review (scores
# innovation, impact, transferability, clarity; recommendation; comment) or None
OPEN_CALL_SUBMISSIONS = [
    ("Brandt & Söhne Logistik GmbH", "en", "in_review",
     "Warehouse robots, explained by the people who run them",
     "Operators who first used our picking robots now train the others through short videos "
     "they record themselves.", 3,
     (4, 5, 4, 3, "select", "Strong peer-learning angle.")),
    ("Fietsfabriek Zwolle BV", "nl", "in_review", "Online veiligheidstraining voor de lijn",
     "Alle monteurs volgen online korte veiligheidsmodules over de nieuwe robots aan de lijn, "
     "met een praktijktoets bij de robot.", 6,
     (3, 4, 4, 4, "discuss", "Solid, but close to the supplier's own training: is it internal?")),
    ("Saimaa Outdoor Oy", "en", "in_review", "Winter school for summer guides",
     "Every winter our seasonal guides take three online courses of their choice, paid for by "
     "the company, and share one thing they learnt at the spring kick-off.", 9, None),
    ("Têxteis Lusos Lda", "en", "submitted", "Digital twins of our dye house",
     "Dye house technicians learn to use a simple digital model of the dyeing process to test "
     "recipes before running them.", 1, None),
    ("Clínica Dental Sonrisa S.L.P.", "es", "submitted", "Protección de datos de pacientes",
     "Un curso en línea anual y una guía práctica para proteger los datos de los pacientes en "
     "la recepción y en la consulta.", 2, None),
    ("Nørrebro Cykler ApS", "en", "draft", "Bike fitting with a 3D scanner",
     "Our mechanics are learning to use a 3D scanner for bike fitting.", None, None),
    ("Épicerie Fine Weber S.à r.l.", "fr", "draft", "La caisse connectée",
     "Nous formons l'équipe à la nouvelle caisse connectée et au suivi des stocks.", None, None),
]  # fmt: skip

# A practice of the 2024 call that was published and later taken down by its SME
TAKEN_DOWN = (
    "Fjällbacka Fisk AB", "en", "Online auctions for the morning catch",
    "Our sales staff learnt to sell the morning catch at online auctions.",
)  # fmt: skip
# A practice of the 2025 call that was not selected
DECLINED = (
    "Pivovar Horák s.r.o.", "en", "Brewing courses for our customers",
    "We run beer-brewing courses for our customers and our staff attend too.",
)  # fmt: skip
