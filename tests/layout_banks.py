"""Fictional text for the layout generator, per language: sentences, headlines, names, dates.

Every sentence is built from parts (subject, verb, when/where, what was said), so a page can
draw posts whose first words never repeat. Places and people are invented.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bank:
    """The words one language lends to a generated page."""

    subjects: tuple[str, ...]
    verbs: tuple[str, ...]
    tails: tuple[str, ...]
    clauses: tuple[str, ...]
    clause_joiner: str
    """What joins verb+tail to the reported clause (``" "`` or ``", "``)."""
    leads: tuple[str, ...]
    objects: tuple[str, ...]
    counted: tuple[str, ...]
    """Headlines that start with a number (``{}``)."""
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    """Monday first."""
    titles: tuple[str, ...]
    standfirsts: tuple[str, ...]
    by_word: str
    and_word: str
    roles: tuple[str, ...]
    captions: tuple[str, ...]
    local_label: str
    local_share: str
    updated_word: str
    """What precedes the page's last-updated time (``Updated 14:31``)."""
    zone_line: str
    """A page-head line stating the zone (en and de name one; winter pages only use it)."""
    home_zone: str
    """The zone a page in this language means when it prints none."""

    def date_line(self, weekday: int, day: int, month: int, year: int) -> str:
        """The page-head date, as this language prints it."""
        name, month_name = self.weekdays[weekday], self.months[month - 1]
        if self is BANKS["de"]:
            return f"{name}, {day}. {month_name} {year}"
        if self is BANKS["es"]:
            return f"{name}, {day} de {month_name} de {year}"
        return f"{name} {day} {month_name} {year}"

    def day_month_year(self, day: int, month: int, year: int) -> str:
        """A date in a stamp, day first."""
        month_name = self.months[month - 1]
        if self is BANKS["de"]:
            return f"{day}. {month_name} {year}"
        if self is BANKS["es"]:
            return f"{day} de {month_name} de {year}"
        return f"{day} {month_name} {year}"


FIRST_NAMES = (
    "Anna", "Tomas", "Lena", "Marco", "Sofia", "Jonas", "Clara", "Pablo", "Greta", "Luca",
    "Nora", "Elias", "Ines", "Ruben", "Maren", "Oskar",
)
LAST_NAMES = (
    "Holt", "Berger", "Marchetti", "Duval", "Ortega", "Lindqvist", "Brandt", "Moreau", "Ferri",
    "Castell", "Winterbourne", "Okafor", "Vidal", "Kessler", "Amato", "Rivas",
)
AGENCIES = ("Harbour Agency", "Coastline Pictures", "North Sea Press", "Alder Photo")

_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

BANKS: dict[str, Bank] = {
    "en": Bank(
        subjects=(
            "The harbour master", "The city council", "A spokesperson for the ferry company",
            "The fire brigade", "The regional governor", "The weather service",
            "A local shopkeeper", "The transport minister", "The union leader",
            "The hospital director", "A coastguard officer", "The mayor of Port Alder",
        ),
        verbs=("said", "confirmed", "explained", "stressed", "warned", "repeated", "insisted"),
        tails=(
            "on Tuesday", "this afternoon", "after a long night", "in a short statement",
            "outside the town hall", "near the old harbour", "in a radio interview",
            "before the briefing",
        ),
        clauses=(
            "that the main road would stay closed", "that two ferries had been cancelled",
            "that the shelters were full", "that power would return in the evening",
            "that the bridge would be inspected", "that the schools would stay shut",
            "that the river was falling slowly", "that more helpers were on the way",
            "that trains were running again", "that the situation was under control",
        ),
        clause_joiner=" ",
        leads=(
            "New warning for", "Reopening planned for", "Fresh delays for", "Inspectors clear",
            "Concern grows over", "Normal service returns for", "Closer watch on",
            "Emergency funds for",
        ),
        objects=(
            "ferries", "the coast road", "the old bridge", "night trains", "harbour shelters",
            "power lines", "village schools", "river defences", "island flights",
            "the fishing fleet",
        ),
        counted=(
            "{} homes still without power",
            "{} ferries cancelled at Port Alder",
            "{} schools closed for a second day",
        ),
        months=_EN_MONTHS,
        weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        titles=(
            "Storm on the coast of Port Alder: live", "Port Alder floods live",
            "Harbour strike: live updates",
        ),
        standfirsts=(
            "Ferries are cancelled and roads closed as the storm crosses the coast.",
            "Crews are working through the night to repair the harbour gates.",
        ),
        by_word="By",
        and_word="and",
        roles=("harbour correspondent", "transport reporter", "political editor"),
        captions=(
            "A ferry waits at the empty pier.", "Volunteers fill sandbags by the river.",
            "The coast road under water near the old mill.",
        ),
        local_label="Breaking",
        local_share="Share",
        updated_word="Updated",
        zone_line="All times are GMT",
        # English is written in every zone: a page with no zone cue (no zone word, outlet or
        # "All times are …" line) is read as UTC, assumed (parsers.dating.home_zone and
        # tests/test_dating.py), so that is what such a page means here. Pages that do give
        # a cue print it themselves (zone stamps; "All times are GMT" on winter pages only).
        home_zone="UTC",
    ),
    "de": Bank(
        subjects=(
            "Der Hafenmeister", "Der Stadtrat", "Eine Sprecherin der Fährgesellschaft",
            "Die Feuerwehr", "Der Landrat", "Der Wetterdienst", "Ein Ladenbesitzer",
            "Die Verkehrsministerin", "Der Gewerkschaftschef", "Die Klinikleiterin",
            "Ein Beamter der Küstenwache", "Die Bürgermeisterin von Kellbrück",
        ),
        verbs=("sagte", "bestätigte", "erklärte", "betonte", "berichtete", "versicherte"),
        tails=(
            "am Dienstag", "am Nachmittag", "nach einer langen Nacht",
            "in einer kurzen Erklärung", "vor dem Rathaus", "am alten Hafen", "im Radio",
            "vor der Pressekonferenz",
        ),
        clauses=(
            "die Hauptstraße bleibe gesperrt", "zwei Fähren seien ausgefallen",
            "die Notunterkünfte seien voll", "der Strom komme am Abend zurück",
            "die Brücke werde geprüft", "die Schulen blieben geschlossen",
            "der Pegel sinke langsam", "weitere Helfer seien unterwegs",
            "der Zugverkehr laufe wieder an", "die Lage sei unter Kontrolle",
        ),
        clause_joiner=", ",
        leads=(
            "Neue Warnung für", "Wiedereröffnung geplant für", "Neue Verspätungen für",
            "Grünes Licht für", "Sorge um", "Normalbetrieb für", "Genauere Kontrolle für",
            "Nothilfe für",
        ),
        objects=(
            "die Fähren", "die Küstenstraße", "die alte Brücke", "die Nachtzüge",
            "die Notunterkünfte", "die Stromleitungen", "die Dorfschulen", "die Deiche",
            "die Inselflüge", "die Fischereiflotte",
        ),
        counted=(
            "{} Haushalte weiter ohne Strom",
            "{} Fähren in Kellbrück gestrichen",
            "{} Schulen bleiben geschlossen",
        ),
        months=(
            "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
            "September", "Oktober", "November", "Dezember",
        ),
        weekdays=(
            "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
        ),
        titles=(
            "Liveticker: Sturm an der Küste von Kellbrück", "Hochwasser in Kellbrück – der Ticker",
            "Hafenstreik: alle Entwicklungen im Liveblog",
        ),
        standfirsts=(
            "Fähren fallen aus und Straßen sind gesperrt, während der Sturm über die Küste zieht.",
            "Einsatzkräfte arbeiten die ganze Nacht an den Hafentoren.",
        ),
        by_word="Von",
        and_word="und",
        roles=("Korrespondentin", "Verkehrsreporter", "Politikredakteurin"),
        captions=(
            "Eine Fähre wartet am leeren Anleger.", "Freiwillige füllen Sandsäcke am Fluss.",
            "Die Küstenstraße steht bei der alten Mühle unter Wasser.",
        ),
        local_label="Eilmeldung",
        local_share="Teilen",
        updated_word="Aktualisiert",
        zone_line="Alle Zeiten MEZ",
        home_zone="Europe/Berlin",
    ),
    "fr": Bank(
        subjects=(
            "Le maire de Saint-Arven", "La préfète", "Un porte-parole de la compagnie",
            "Le commandant des pompiers", "Le service météo", "Une commerçante du port",
            "Le ministre des transports", "La directrice de l'hôpital", "Un agent des secours",
            "Le responsable syndical",
        ),
        verbs=("a déclaré", "a confirmé", "a expliqué", "a souligné", "a assuré", "a répété"),
        tails=(
            "mardi", "cet après-midi", "après une longue nuit", "dans un court communiqué",
            "devant la mairie", "près du vieux port", "à la radio", "avant le point presse",
        ),
        clauses=(
            "que la route principale resterait fermée", "que deux ferries avaient été annulés",
            "que les abris étaient pleins", "que le courant reviendrait dans la soirée",
            "que le pont serait inspecté", "que les écoles resteraient fermées",
            "que le niveau de l'eau baissait lentement", "que d'autres secours étaient en route",
            "que les trains circulaient de nouveau", "que la situation était sous contrôle",
        ),
        clause_joiner=" ",
        leads=(
            "Nouvelle alerte pour", "Réouverture prévue pour", "Retards en série pour",
            "Feu vert pour", "Inquiétude pour", "Retour à la normale pour",
            "Surveillance renforcée pour", "Aide d'urgence pour",
        ),
        objects=(
            "les ferries", "la route côtière", "le vieux pont", "les trains de nuit",
            "les abris du port", "les lignes électriques", "les écoles du village", "les digues",
            "les vols vers l'île", "la flotte de pêche",
        ),
        counted=(
            "{} foyers toujours privés de courant",
            "{} ferries annulés à Saint-Arven",
            "{} écoles fermées pour un deuxième jour",
        ),
        months=(
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre",
        ),
        weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        titles=(
            "En direct : tempête sur la côte de Saint-Arven",
            "Inondations à Saint-Arven, le direct",
            "Grève au port : suivez les dernières informations",
        ),
        standfirsts=(
            "Les ferries sont annulés et les routes fermées pendant le passage de la tempête.",
            "Les équipes travaillent toute la nuit pour réparer les portes du port.",
        ),
        by_word="Par",
        and_word="et",
        roles=("correspondante", "journaliste transports", "chef du service politique"),
        captions=(
            "Un ferry attend au quai vide.", "Des bénévoles remplissent des sacs de sable.",
            "La route côtière sous l'eau près du vieux moulin.",
        ),
        local_label="Alerte",
        local_share="Partager",
        updated_word="Mis à jour",
        zone_line="Toutes les heures sont à l'heure de Paris",
        home_zone="Europe/Paris",
    ),
    "es": Bank(
        subjects=(
            "El alcalde de Villaserra", "La delegada del Gobierno", "Un portavoz de la naviera",
            "El jefe de bomberos", "La agencia meteorológica", "Una comerciante del puerto",
            "El ministro de Transportes", "La directora del hospital",
            "Un agente de salvamento", "El líder sindical",
        ),
        verbs=("dijo", "confirmó", "explicó", "subrayó", "aseguró", "repitió"),
        tails=(
            "el martes", "esta tarde", "tras una larga noche", "en un breve comunicado",
            "ante el ayuntamiento", "junto al puerto viejo", "en la radio",
            "antes de la rueda de prensa",
        ),
        clauses=(
            "que la carretera principal seguiría cortada", "que dos ferris habían sido cancelados",
            "que los albergues estaban llenos", "que la luz volvería por la noche",
            "que el puente sería revisado", "que las escuelas seguirían cerradas",
            "que el nivel del río bajaba despacio", "que más equipos estaban en camino",
            "que los trenes volvían a circular", "que la situación estaba bajo control",
        ),
        clause_joiner=" ",
        leads=(
            "Nueva alerta para", "Reapertura prevista para", "Retrasos en cadena para",
            "Luz verde para", "Preocupación por", "Vuelta a la normalidad para",
            "Vigilancia reforzada para", "Ayuda urgente para",
        ),
        objects=(
            "los ferris", "la carretera de la costa", "el puente viejo", "los trenes nocturnos",
            "los albergues del puerto", "las líneas eléctricas", "las escuelas del pueblo",
            "los diques", "los vuelos a la isla", "la flota pesquera",
        ),
        counted=(
            "{} hogares siguen sin luz",
            "{} ferris cancelados en Villaserra",
            "{} escuelas cerradas por segundo día",
        ),
        months=(
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre",
        ),
        weekdays=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
        titles=(
            "Directo: temporal en la costa de Villaserra", "Inundaciones en Villaserra, en directo",
            "Huelga en el puerto: última hora",
        ),
        standfirsts=(
            "Los ferris están cancelados y las carreteras cortadas al paso del temporal.",
            "Los equipos trabajan toda la noche para reparar las compuertas del puerto.",
        ),
        by_word="Por",
        and_word="y",
        roles=("corresponsal", "redactora de transportes", "jefe de política"),
        captions=(
            "Un ferri espera en el muelle vacío.", "Voluntarios llenan sacos de arena.",
            "La carretera de la costa, bajo el agua junto al viejo molino.",
        ),
        local_label="Última hora",
        local_share="Compartir",
        updated_word="Actualizado",
        zone_line="Horas en hora peninsular",
        home_zone="Europe/Madrid",
    ),
    "it": Bank(
        subjects=(
            "Il sindaco di Montecorvo", "La prefetta", "Un portavoce della compagnia",
            "Il comandante dei vigili del fuoco", "Il servizio meteorologico",
            "Una commerciante del porto", "Il ministro dei trasporti",
            "La direttrice dell'ospedale", "Un agente della protezione civile",
            "Il segretario del sindacato",
        ),
        verbs=("ha detto", "ha confermato", "ha spiegato", "ha sottolineato", "ha assicurato"),
        tails=(
            "martedì", "nel pomeriggio", "dopo una lunga notte", "in un breve comunicato",
            "davanti al municipio", "vicino al porto vecchio", "alla radio",
            "prima della conferenza stampa",
        ),
        clauses=(
            "che la strada principale resterà chiusa", "che due traghetti sono stati cancellati",
            "che i centri di accoglienza sono pieni", "che la corrente tornerà in serata",
            "che il ponte sarà controllato", "che le scuole resteranno chiuse",
            "che il livello del fiume scende lentamente", "che altre squadre sono in arrivo",
            "che i treni circolano di nuovo", "che la situazione è sotto controllo",
        ),
        clause_joiner=" ",
        leads=(
            "Nuova allerta per", "Riapertura prevista per", "Ritardi a catena per",
            "Via libera per", "Preoccupazione per", "Ritorno alla normalità per",
            "Sorveglianza rafforzata per", "Aiuti urgenti per",
        ),
        objects=(
            "i traghetti", "la strada costiera", "il ponte vecchio", "i treni notturni",
            "i centri di accoglienza", "le linee elettriche", "le scuole del paese", "gli argini",
            "i voli per l'isola", "la flotta dei pescherecci",
        ),
        counted=(
            "{} famiglie ancora senza corrente",
            "{} traghetti cancellati a Montecorvo",
            "{} scuole chiuse per il secondo giorno",
        ),
        months=(
            "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
            "settembre", "ottobre", "novembre", "dicembre",
        ),
        weekdays=(
            "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        ),
        titles=(
            "Diretta: tempesta sulla costa di Montecorvo", "Alluvione a Montecorvo, la diretta",
            "Sciopero al porto: gli aggiornamenti",
        ),
        standfirsts=(
            "I traghetti sono cancellati e le strade chiuse mentre passa la tempesta.",
            "Le squadre lavorano tutta la notte per riparare le paratie del porto.",
        ),
        by_word="Di",
        and_word="e",
        roles=("corrispondente", "cronista dei trasporti", "caporedattrice politica"),
        captions=(
            "Un traghetto attende al molo vuoto.", "Volontari riempiono sacchi di sabbia.",
            "La strada costiera sott'acqua vicino al vecchio mulino.",
        ),
        local_label="Ultim'ora",
        local_share="Condividi",
        updated_word="Aggiornato",
        zone_line="Orari in ora italiana",
        home_zone="Europe/Rome",
    ),
}
"""The languages the generator writes, by code."""
