<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Your breaks today</source>
        <translation>Deine Pausen heute</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>unter einer Minute</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} Std.</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} Std. {1} Min.</translation>
    </message>
    <message>
        <source>{0} in all</source>
        <translation>{0} insgesamt</translation>
    </message>
    <message>
        <source>{0} per side</source>
        <translation>{0} pro Seite</translation>
    </message>
    <message>
        <source>No breaks yet</source>
        <translation>Noch keine Pausen</translation>
    </message>
    <message>
        <source>{0} of 1 break done</source>
        <translation>{0} von 1 Pause gemacht</translation>
    </message>
    <message>
        <source>{0} of {1} breaks done</source>
        <translation>{0} von {1} Pausen gemacht</translation>
    </message>
    <message>
        <source>longest sitting {0}</source>
        <translation>am längsten gesessen: {0}</translation>
    </message>
    <message>
        <source>{0} of stretching</source>
        <translation>{0} Übungszeit</translation>
    </message>
    <message>
        <source>backbreak suggests general ways to move, not medical advice. If pain is strong or does not go away, see a doctor or a physiotherapist.</source>
        <translation>backbreak schlägt allgemeine Bewegungen vor und ersetzt keinen ärztlichen Rat. Wenn Schmerzen stark sind oder nicht weggehen, geh zum Arzt oder in die Physiotherapie.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>Mär</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>Okt</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>Dez</translation>
    </message>
    <message>
        <source>{weekday} {day} {month}</source>
        <translation>{weekday}, {day}. {month}</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{day}. {month}</translation>
    </message>
    <message>
        <source>Sitting {0}–{1} ({2})</source>
        <translation>Gesessen {0}–{1} ({2})</translation>
    </message>
    <message>
        <source>Sitting since {0}, {1} so far</source>
        <translation>Du sitzt seit {0}, bisher {1}</translation>
    </message>
    <message>
        <source>Longest sitting: {0}</source>
        <translation>Am längsten gesessen: {0}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>{0} at {1}: {2}</source>
        <translation>{0} um {1}: {2}</translation>
    </message>
    <message>
        <source>{0} at {1}</source>
        <translation>{0} um {1}</translation>
    </message>
    <message>
        <source>Moving about</source>
        <translation>Bewegen</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Dehnen</translation>
    </message>
    <message>
        <source>Posture check</source>
        <translation>Haltungscheck</translation>
    </message>
    <message>
        <source>Mobility</source>
        <translation>Mobilität</translation>
    </message>
    <message>
        <source>Light strength</source>
        <translation>Leichte Kräftigung</translation>
    </message>
    <message>
        <source>Neck</source>
        <translation>Nacken</translation>
    </message>
    <message>
        <source>Shoulders</source>
        <translation>Schultern</translation>
    </message>
    <message>
        <source>Chest</source>
        <translation>Brust</translation>
    </message>
    <message>
        <source>Upper back</source>
        <translation>Oberer Rücken</translation>
    </message>
    <message>
        <source>Lower back</source>
        <translation>Unterer Rücken</translation>
    </message>
    <message>
        <source>Hip flexors</source>
        <translation>Hüftbeuger</translation>
    </message>
    <message>
        <source>Glutes</source>
        <translation>Gesäß</translation>
    </message>
    <message>
        <source>Hamstrings</source>
        <translation>Beinrückseite</translation>
    </message>
    <message>
        <source>Calves</source>
        <translation>Waden</translation>
    </message>
    <message>
        <source>Wrists and forearms</source>
        <translation>Handgelenke und Unterarme</translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation>Augen</translation>
    </message>
    <message>
        <source>Whole body</source>
        <translation>Ganzer Körper</translation>
    </message>
    <message>
        <source>floor space</source>
        <translation>Platz auf dem Boden</translation>
    </message>
    <message>
        <source>a towel</source>
        <translation>ein Handtuch</translation>
    </message>
    <message>
        <source>a wall</source>
        <translation>eine Wand</translation>
    </message>
    <message>
        <source>a ball</source>
        <translation>einen Ball</translation>
    </message>
    <message>
        <source>a doorway</source>
        <translation>einen Türrahmen</translation>
    </message>
    <message>
        <source>room to move</source>
        <translation>Platz zum Bewegen</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Im Stehen</translation>
    </message>
    <message>
        <source>Seated</source>
        <translation>Im Sitzen</translation>
    </message>
    <message>
        <source>On the floor</source>
        <translation>Am Boden</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Body areas</source>
        <translation>Körperbereiche</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Braucht</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} Min. {1} s</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>Not offered: exercises of this kind are turned off above.</source>
        <translation>Wird nicht angeboten: Übungen dieser Art sind oben ausgeschaltet.</translation>
    </message>
    <message>
        <source>Offered only when nothing else is left: it needs {0} and office-friendly only is on.</source>
        <translation>Kommt nur, wenn sonst nichts übrig ist: Sie braucht {0}, und „Nur bürotauglich“ ist an.</translation>
    </message>
    <message>
        <source>Favourite (click a star, or press * on a row)</source>
        <translation>Favorit (Stern anklicken oder in einer Zeile * drücken)</translation>
    </message>
    <message>
        <source>Exercise; the check box shows it in prompts (Space)</source>
        <translation>Übung; mit dem Kästchen kommt sie in Pausen vor (Leertaste)</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Not a favourite</source>
        <translation>Kein Favorit</translation>
    </message>
    <message>
        <source>Nothing but a desk and a chair</source>
        <translation>Nur Schreibtisch und Stuhl</translation>
    </message>
    <message>
        <source>{0}, hidden from prompts</source>
        <translation>{0}, in Pausen ausgeblendet</translation>
    </message>
    <message>
        <source>{0}, shown in prompts</source>
        <translation>{0}, kommt in Pausen vor</translation>
    </message>
    <message>
        <source>Click to mark or unmark as a favourite (picked more often)</source>
        <translation>Klicken, um sie als Favorit zu markieren oder die Markierung zu entfernen (kommt öfter dran)</translation>
    </message>
    <message>
        <source>Hidden: never shown in a prompt. Tick to show it again.</source>
        <translation>Ausgeblendet: kommt in keiner Pause vor. Haken setzen, um sie wieder zu zeigen.</translation>
    </message>
    <message>
        <source>Shown in prompts. Untick to hide it.</source>
        <translation>Kommt in Pausen vor. Haken entfernen, um sie auszublenden.</translation>
    </message>
    <message>
        <source>Wrists</source>
        <translation>Handgelenke</translation>
    </message>
    <message>
        <source>neck</source>
        <translation>Nacken</translation>
    </message>
    <message>
        <source>shoulders</source>
        <translation>Schultern</translation>
    </message>
    <message>
        <source>chest</source>
        <translation>Brust</translation>
    </message>
    <message>
        <source>upper back</source>
        <translation>oberer Rücken</translation>
    </message>
    <message>
        <source>lower back</source>
        <translation>unterer Rücken</translation>
    </message>
    <message>
        <source>hip flexors</source>
        <translation>Hüftbeuger</translation>
    </message>
    <message>
        <source>glutes</source>
        <translation>Gesäß</translation>
    </message>
    <message>
        <source>hamstrings</source>
        <translation>Beinrückseite</translation>
    </message>
    <message>
        <source>calves</source>
        <translation>Waden</translation>
    </message>
    <message>
        <source>wrists</source>
        <translation>Handgelenke</translation>
    </message>
    <message>
        <source>eyes</source>
        <translation>Augen</translation>
    </message>
    <message>
        <source>whole body</source>
        <translation>ganzer Körper</translation>
    </message>
    <message>
        <source>Other (no longer in the catalog)</source>
        <translation>Andere (nicht mehr im Katalog)</translation>
    </message>
    <message>
        <source>other (no longer in the catalog)</source>
        <translation>andere (nicht mehr im Katalog)</translation>
    </message>
    <message>
        <source>Sitting for {0} now, since {1}.</source>
        <translation>Du sitzt gerade schon {0} lang, seit {1}.</translation>
    </message>
    <message>
        <source>Nothing recorded today yet.</source>
        <translation>Heute noch nichts aufgezeichnet.</translation>
    </message>
    <message>
        <source>{0} done</source>
        <translation>{0} erledigt</translation>
    </message>
    <message>
        <source>{0} snoozed</source>
        <translation>{0} verschoben</translation>
    </message>
    <message>
        <source>{0} skipped</source>
        <translation>{0} übersprungen</translation>
    </message>
    <message>
        <source>{0} paused</source>
        <translation>{0} pausiert</translation>
    </message>
    <message>
        <source>{0} not answered</source>
        <translation>{0} unbeantwortet</translation>
    </message>
    <message>
        <source>Today so far: {0}.</source>
        <translation>Heute bisher: {0}.</translation>
    </message>
    <message>
        <source>Away from the desk {0}, {1} in all.</source>
        <translation>Insgesamt {1} weg vom Schreibtisch ({0}).</translation>
    </message>
    <message>
        <source>{0} time</source>
        <translation>{0}-mal</translation>
    </message>
    <message>
        <source>{0} times</source>
        <translation>{0}-mal</translation>
    </message>
    <message>
        <source>Longest sitting {0}, ending at {1}.</source>
        <translation>Am längsten gesessen: {0}, bis {1}.</translation>
    </message>
    <message>
        <source>{time}  {outcome}: {title}</source>
        <translation>{time}  {outcome}: {title}</translation>
    </message>
    <message>
        <source>No breaks offered</source>
        <translation>Keine Pausen angeboten</translation>
    </message>
    <message>
        <source>completion rate {0} %</source>
        <translation>Quote {0} %</translation>
    </message>
    <message>
        <source>{0} day</source>
        <translation>{0} Tag</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} Tage</translation>
    </message>
    <message>
        <source>Current streak {0} · best ever {1}</source>
        <translation>Aktuelle Serie {0} · Rekord {1}</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} done.</source>
        <translation>{0}: {1} von {2} erledigt.</translation>
    </message>
    <message>
        <source>{0} day without breaks.</source>
        <translation>{0} Tag ohne Pausen.</translation>
    </message>
    <message>
        <source>{0} days without breaks.</source>
        <translation>{0} Tage ohne Pausen.</translation>
    </message>
    <message>
        <source>How your back felt (0 = no trouble, 10 = worst): {0}.</source>
        <translation>So ging es deinem Rücken (0 = keine Beschwerden, 10 = am schlimmsten): {0}.</translation>
    </message>
    <message>
        <source>No breaks on any of these days.</source>
        <translation>An keinem dieser Tage gab es Pausen.</translation>
    </message>
    <message>
        <source>Breaks on {0} of {1} days; most done on {2} ({3} of {4}).</source>
        <translation>Pausen an {0} von {1} Tagen; die meisten am {2} ({3} von {4}).</translation>
    </message>
    <message>
        <source>No exercises done in this period.</source>
        <translation>In diesem Zeitraum keine Übungen gemacht.</translation>
    </message>
    <message>
        <source>Exercises done per body area: {0}.</source>
        <translation>Übungen je Körperbereich: {0}.</translation>
    </message>
    <message>
        <source>Not reached: {0}.</source>
        <translation>Nicht erreicht: {0}.</translation>
    </message>
    <message>
        <source>Moving about (stand up, walk a little)</source>
        <translation>Bewegen (aufstehen, ein paar Schritte gehen)</translation>
    </message>
    <message>
        <source>Stretches</source>
        <translation>Dehnübungen</translation>
    </message>
    <message>
        <source>Posture checks</source>
        <translation>Haltungschecks</translation>
    </message>
    <message>
        <source>Mobility (gentle joint circles)</source>
        <translation>Mobilität (sanftes Gelenkkreisen)</translation>
    </message>
    <message>
        <source>Light strength moves</source>
        <translation>Leichte Kräftigungsübungen</translation>
    </message>
    <message>
        <source>Once a week</source>
        <translation>Einmal pro Woche</translation>
    </message>
    <message>
        <source>Every working day</source>
        <translation>An jedem Arbeitstag</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English (Englisch)</translation>
    </message>
    <message>
        <source>Deutsch (German)</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>{weekday} {time}</source>
        <translation>{weekday} {time}</translation>
    </message>
    <message>
        <source>{weekday} {day} {month} {time}</source>
        <translation>{weekday}, {day}. {month} {time}</translation>
    </message>
    <message>
        <source>{0} (slowed down after a fault, see the log)</source>
        <translation>{0} (nach einem Fehler gebremst, siehe Protokoll)</translation>
    </message>
    <message>
        <source>Break due now</source>
        <translation>Pause ist jetzt fällig</translation>
    </message>
    <message>
        <source>Paused until you resume</source>
        <translation>Pausiert, bis du fortsetzt</translation>
    </message>
    <message>
        <source>Paused until {0}</source>
        <translation>Pausiert bis {0}</translation>
    </message>
    <message>
        <source>No break due until work starts</source>
        <translation>Keine Pause vor Arbeitsbeginn</translation>
    </message>
    <message>
        <source>No break due until work starts ({0})</source>
        <translation>Keine Pause vor Arbeitsbeginn ({0})</translation>
    </message>
    <message>
        <source>No break scheduled</source>
        <translation>Keine Pause geplant</translation>
    </message>
    <message>
        <source>Outside your working hours; next break {0}</source>
        <translation>Außerhalb deiner Arbeitszeit; nächste Pause {0}</translation>
    </message>
    <message>
        <source>Next break in {0}</source>
        <translation>Nächste Pause in {0}</translation>
    </message>
    <message>
        <source>Next break at {0}</source>
        <translation>Nächste Pause: {0}</translation>
    </message>
    <message>
        <source>Next break at {0} (in {1})</source>
        <translation>Nächste Pause: {0} (in {1})</translation>
    </message>
    <message>
        <source>Break waiting until the full-screen window closes</source>
        <translation>Pause wartet, bis das Vollbildfenster geschlossen ist</translation>
    </message>
    <message>
        <source>Break waiting until Do Not Disturb ends</source>
        <translation>Pause wartet, bis „Bitte nicht stören“ endet</translation>
    </message>
    <message>
        <source>Break coming at the next pause in your typing</source>
        <translation>Pause kommt, sobald du kurz nicht tippst</translation>
    </message>
    <message>
        <source>Break waiting until the call ends</source>
        <translation>Pause wartet, bis der Anruf endet</translation>
    </message>
    <message>
        <source>Break waiting until the program on your list closes</source>
        <translation>Pause wartet, bis das Programm aus deiner Liste geschlossen ist</translation>
    </message>
    <message>
        <source>Sitting for {0}</source>
        <translation>Du sitzt seit {0}</translation>
    </message>
    <message>
        <source>Picture: {0}</source>
        <translation>Bild: {0}</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 Stunden</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <source>Until I resume</source>
        <translation>Bis ich fortsetze</translation>
    </message>
    <message>
        <source>60 minutes</source>
        <translation>60 Minuten</translation>
    </message>
    <message>
        <source>90 minutes</source>
        <translation>90 Minuten</translation>
    </message>
    <message>
        <source>Time to stand up</source>
        <translation>Zeit aufzustehen</translation>
    </message>
    <message>
        <source>No exercise is enabled in settings, but a short walk always counts.</source>
        <translation>In den Einstellungen ist keine Übung eingeschaltet – aber ein paar Schritte zählen immer.</translation>
    </message>
    <message>
        <source>Stand-up break waiting</source>
        <translation>Bewegungspause wartet</translation>
    </message>
    <message>
        <source>Your break will show when the full-screen window or Do Not Disturb ends.</source>
        <translation>Deine Pause erscheint, sobald das Vollbildfenster geschlossen oder „Bitte nicht stören“ vorbei ist.</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>In {0}: {1}</source>
        <translation>In {0}: {1}</translation>
    </message>
    <message>
        <source>Stand-up break soon</source>
        <translation>Gleich ist Bewegungspause</translation>
    </message>
    <message>
        <source>Stand-up break in {0}.</source>
        <translation>Bewegungspause in {0}.</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>Jetzt starten</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Your break will show when the program on your list closes.</source>
        <translation>Deine Pause erscheint, wenn das Programm aus deiner Liste geschlossen ist.</translation>
    </message>
    <message>
        <source>{0} seconds</source>
        <translation>{0} Sekunden</translation>
    </message>
    <message>
        <source>{0} minutes</source>
        <translation>{0} Minuten</translation>
    </message>
    <message>
        <source>The file as it was is kept at {0}.</source>
        <translation>Die ursprüngliche Datei liegt unter {0}.</translation>
    </message>
    <message>
        <source>Some settings could not be used, so their defaults apply: {0}.</source>
        <translation>Einige Einstellungen waren nicht verwendbar, für sie gelten die Standardwerte: {0}.</translation>
    </message>
    <message>
        <source>1 entry in your catalog folder could not be loaded; run &apos;backbreak catalog --validate FILE&apos;. First: {1}</source>
        <translation>1 Eintrag in deinem Katalogordner ließ sich nicht laden; prüfe ihn mit &apos;backbreak catalog --validate DATEI&apos;. Erster: {1}</translation>
    </message>
    <message>
        <source>{0} entries in your catalog folder could not be loaded; run &apos;backbreak catalog --validate FILE&apos;. First: {1}</source>
        <translation>{0} Einträge in deinem Katalogordner ließen sich nicht laden; prüfe sie mit &apos;backbreak catalog --validate DATEI&apos;. Erster: {1}</translation>
    </message>
    <message>
        <source>Your catalog folder has 1 note on an entry that still loads; run &apos;backbreak catalog --validate FILE&apos;. It says: {1}</source>
        <translation>Zu einem Eintrag in deinem Katalogordner gibt es 1 Hinweis, er wird trotzdem geladen; prüfe ihn mit &apos;backbreak catalog --validate DATEI&apos;. Er lautet: {1}</translation>
    </message>
    <message>
        <source>Your catalog folder has {0} notes on entries that still load; run &apos;backbreak catalog --validate FILE&apos;. First: {1}</source>
        <translation>Zu Einträgen in deinem Katalogordner gibt es {0} Hinweise, sie werden trotzdem geladen; prüfe sie mit &apos;backbreak catalog --validate DATEI&apos;. Erster: {1}</translation>
    </message>
    <message>
        <source>Breaks not saved yet: the history file cannot be written</source>
        <translation>Pausen noch nicht gespeichert: die Verlaufsdatei lässt sich nicht schreiben</translation>
    </message>
    <message>
        <source>Your settings could not be saved: {0}</source>
        <translation>Deine Einstellungen konnten nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Your breaks cannot be saved right now ({0}). They are kept and saved as soon as the history file can be written again.</source>
        <translation>Deine Pausen lassen sich gerade nicht speichern ({0}). Sie bleiben erhalten und werden gespeichert, sobald sich die Verlaufsdatei wieder schreiben lässt.</translation>
    </message>
    <message>
        <source>Show history</source>
        <translation>Verlauf anzeigen</translation>
    </message>
    <message>
        <source>History could not be cleared: {0}</source>
        <translation>Der Verlauf konnte nicht gelöscht werden: {0}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Your exercises</source>
        <translation>Deine Übungen</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>backbreak is already running. {0}</source>
        <translation>backbreak läuft schon. {0}</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About backbreak</source>
        <translation>Über backbreak</translation>
    </message>
    <message>
        <source>A quiet reminder to get up from your chair every so often and do one stretch or posture check.</source>
        <translation>Eine leise Erinnerung, ab und zu vom Stuhl aufzustehen und eine Dehnübung oder einen Haltungscheck zu machen.</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Dieses Fenster schließen</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy version and file locations</source>
        <translation>Version und Speicherorte kopieren</translation>
    </message>
    <message>
        <source>About pages</source>
        <translation>Seiten des Info-Fensters</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Info</translation>
    </message>
    <message>
        <source>&amp;Diagnostics</source>
        <translation>&amp;Diagnose</translation>
    </message>
</context>
<context>
    <name>CheckinWindow</name>
    <message>
        <source>Back check-in</source>
        <translation>Rücken-Check</translation>
    </message>
    <message>
        <source>How does your back feel?</source>
        <translation>Wie fühlt sich dein Rücken an?</translation>
    </message>
    <message>
        <source>0 = no trouble at all, 10 = as bad as it gets</source>
        <translation>0 = gar keine Beschwerden, 10 = so schlimm wie es nur geht</translation>
    </message>
    <message>
        <source>Back feels {0} of 10</source>
        <translation>Rücken: {0} von 10</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Überspringen</translation>
    </message>
    <message>
        <source>Skip the check-in</source>
        <translation>Den Rücken-Check überspringen</translation>
    </message>
    <message>
        <source>Your answers stay on this computer and show beside your breaks in History (Week and Month). How often this is asked is in Settings.</source>
        <translation>Deine Antworten bleiben auf diesem Computer und erscheinen im Verlauf (Woche und Monat) neben deinen Pausen. Wie oft gefragt wird, stellst du in den Einstellungen ein.</translation>
    </message>
</context>
<context>
    <name>CuePlayer</name>
    <message>
        <source>Start now</source>
        <translation>Jetzt los</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>Seite wechseln</translation>
    </message>
    <message>
        <source>Done — nice work</source>
        <translation>Fertig – gut gemacht</translation>
    </message>
</context>
<context>
    <name>DayBarsChart</name>
    <message>
        <source>{0}: {1} of {2} breaks done</source>
        <translation>{0}: {1} von {2} Pausen gemacht</translation>
    </message>
    <message>
        <source>Back: {0} of 10</source>
        <translation>Rücken: {0} von 10</translation>
    </message>
</context>
<context>
    <name>DayBarsLegend</name>
    <message>
        <source>Bar chart key</source>
        <translation>Legende des Balkendiagramms</translation>
    </message>
    <message>
        <source>Filled bars are breaks done; outlined bars are breaks offered.</source>
        <translation>Gefüllte Balken sind gemachte Pausen, umrandete Balken angebotene.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gemacht</translation>
    </message>
    <message>
        <source>Breaks offered</source>
        <translation>Angebotene Pausen</translation>
    </message>
    <message>
        <source>Back check-in (0–10, scale on the right)</source>
        <translation>Rücken-Check (0–10, Skala rechts)</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <source>What backbreak uses on this computer and whether it works. Where something is not available, the line says what you can do.</source>
        <translation>Was backbreak auf diesem Computer nutzt und ob es funktioniert. Wo etwas nicht verfügbar ist, steht dabei, was du tun kannst.</translation>
    </message>
    <message>
        <source>Diagnostics report</source>
        <translation>Diagnosebericht</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Run the checks again</source>
        <translation>Die Prüfungen noch einmal ausführen</translation>
    </message>
    <message>
        <source>Co&amp;py report</source>
        <translation>Bericht ko&amp;pieren</translation>
    </message>
    <message>
        <source>Copy the diagnostics report</source>
        <translation>Den Diagnosebericht kopieren</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>works</source>
        <translation>funktioniert</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>What you can do:</source>
        <translation>Was du tun kannst:</translation>
    </message>
</context>
<context>
    <name>ExercisesPage</name>
    <message>
        <source>Search exercises</source>
        <translation>Übungen suchen</translation>
    </message>
    <message>
        <source>Search exercises by words</source>
        <translation>Übungen nach Wörtern durchsuchen</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Show only this kind</source>
        <translation>Nur diese Art zeigen</translation>
    </message>
    <message>
        <source>All body areas</source>
        <translation>Alle Körperbereiche</translation>
    </message>
    <message>
        <source>Show only this body area</source>
        <translation>Nur diesen Körperbereich zeigen</translation>
    </message>
    <message>
        <source>Any position</source>
        <translation>Jede Haltung</translation>
    </message>
    <message>
        <source>Show only this position</source>
        <translation>Nur diese Haltung zeigen</translation>
    </message>
    <message>
        <source>Shown and hidden</source>
        <translation>Gezeigte und ausgeblendete</translation>
    </message>
    <message>
        <source>Shown in prompts</source>
        <translation>In Pausen gezeigt</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Ausgeblendet</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Show only shown, hidden or favourites</source>
        <translation>Nur gezeigte, ausgeblendete oder Favoriten anzeigen</translation>
    </message>
    <message>
        <source>Fin&amp;d</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <source>Space shows or hides the exercise in prompts; * marks it as a favourite.</source>
        <translation>Die Leertaste zeigt die Übung in Pausen oder blendet sie aus; * macht sie zum Favoriten.</translation>
    </message>
    <message>
        <source>Show in &amp;prompts</source>
        <translation>In &amp;Pausen zeigen</translation>
    </message>
    <message>
        <source>Show this exercise in prompts</source>
        <translation>Diese Übung in Pausen zeigen</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Pick an exercise to see its picture and steps.</source>
        <translation>Wähle eine Übung, um Bild und Schritte zu sehen.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>{0} exercises</source>
        <translation>{0} Übungen</translation>
    </message>
    <message>
        <source>Listing {0} of {1} exercises</source>
        <translation>{0} von {1} Übungen aufgelistet</translation>
    </message>
    <message>
        <source>Show hidden exercises again ({0})</source>
        <translation>Ausgeblendete Übungen wieder zeigen ({0})</translation>
    </message>
    <message>
        <source>Show every hidden exercise again</source>
        <translation>Alle ausgeblendeten Übungen wieder zeigen</translation>
    </message>
    <message>
        <source>Needs {0}</source>
        <translation>Braucht {0}</translation>
    </message>
    <message>
        <source>At the desk</source>
        <translation>Am Schreibtisch</translation>
    </message>
    <message>
        <source>Careful: {0}</source>
        <translation>Vorsicht: {0}</translation>
    </message>
    <message>
        <source>★ Fa&amp;vourite</source>
        <translation>★ &amp;Favorit</translation>
    </message>
    <message>
        <source>☆ Add to fa&amp;vourites</source>
        <translation>☆ Zu den &amp;Favoriten</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>backbreak history</source>
        <translation>backbreak – Verlauf</translation>
    </message>
    <message>
        <source>History periods</source>
        <translation>Zeiträume des Verlaufs</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Woche</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Monat</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren …</translation>
    </message>
    <message>
        <source>Export all history as a CSV file</source>
        <translation>Den ganzen Verlauf als CSV-Datei exportieren</translation>
    </message>
    <message>
        <source>C&amp;lear history…</source>
        <translation>Verlauf &amp;löschen …</translation>
    </message>
    <message>
        <source>Delete all recorded breaks</source>
        <translation>Alle aufgezeichneten Pausen löschen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close the history window</source>
        <translation>Verlaufsfenster schließen</translation>
    </message>
    <message>
        <source>Your history stays on this computer.</source>
        <translation>Dein Verlauf bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>The history could not be read: {0}</source>
        <translation>Der Verlauf konnte nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <source>No breaks yet — your first prompt comes after a stretch of sitting, and what you do with it will show up here.{0}</source>
        <translation>Noch keine Pausen – die erste Aufforderung kommt, wenn du eine Weile gesessen hast, und was du daraus machst, erscheint hier.{0}</translation>
    </message>
    <message>
        <source>Nothing recorded today yet.{0} Earlier days are under Week and Month.</source>
        <translation>Heute noch nichts aufgezeichnet.{0} Frühere Tage findest du unter Woche und Monat.</translation>
    </message>
    <message>
        <source>Today, {0}</source>
        <translation>Heute, {0}</translation>
    </message>
    <message>
        <source>No breaks in the last {0} days. {1}</source>
        <translation>Keine Pausen in den letzten {0} Tagen. {1}</translation>
    </message>
    <message>
        <source>Last {0} days: {1} – {2}</source>
        <translation>Letzte {0} Tage: {1} – {2}</translation>
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation>Verlauf als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The history could not be exported</source>
        <translation>Der Verlauf konnte nicht exportiert werden</translation>
    </message>
    <message>
        <source>Nothing was written to {0}.

{1}</source>
        <translation>In {0} wurde nichts geschrieben.

{1}</translation>
    </message>
    <message>
        <source>{0} event</source>
        <translation>{0} Ereignis</translation>
    </message>
    <message>
        <source>{0} events</source>
        <translation>{0} Ereignisse</translation>
    </message>
    <message>
        <source>Saved {0} to {1}.</source>
        <translation>{0} in {1} gespeichert.</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message>
        <source>Delete every recorded break?</source>
        <translation>Alle aufgezeichneten Pausen löschen?</translation>
    </message>
    <message>
        <source>Your charts, streaks and exports start again from nothing. Settings are kept. This cannot be undone; export a CSV first to keep a copy.</source>
        <translation>Diagramme, Serien und Exporte fangen wieder bei null an. Die Einstellungen bleiben. Das lässt sich nicht rückgängig machen; exportiere vorher eine CSV-Datei, wenn du eine Kopie behalten willst.</translation>
    </message>
    <message>
        <source>Delete history</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message>
        <source>The history could not be cleared</source>
        <translation>Der Verlauf konnte nicht gelöscht werden</translation>
    </message>
</context>
<context>
    <name>PeriodPage</name>
    <message>
        <source>Last {0} days</source>
        <translation>Letzte {0} Tage</translation>
    </message>
    <message>
        <source>A day counts towards a streak when at least one break was done and none was skipped. Days without prompts (weekends, days off) don&apos;t break it.</source>
        <translation>Ein Tag zählt zur Serie, wenn du mindestens eine Pause gemacht und keine übersprungen hast. Tage ohne Aufforderungen (Wochenenden, freie Tage) unterbrechen sie nicht.</translation>
    </message>
    <message>
        <source>Breaks per day, last {0} days</source>
        <translation>Pausen pro Tag, letzte {0} Tage</translation>
    </message>
    <message>
        <source>Body areas that got attention</source>
        <translation>Körperbereiche, die dran waren</translation>
    </message>
    <message>
        <source>Exercises per body area, last {0} days</source>
        <translation>Übungen je Körperbereich, letzte {0} Tage</translation>
    </message>
</context>
<context>
    <name>PromptWindow</name>
    <message>
        <source>Time to stand up</source>
        <translation>Zeit aufzustehen</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>S&amp;tarten</translation>
    </message>
    <message>
        <source>Start the countdown</source>
        <translation>Countdown starten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo: do not count it as done, keep the window open</source>
        <translation>Rückgängig: nicht als erledigt zählen, Fenster offen lassen</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>Done: I did it</source>
        <translation>Erledigt: Ich hab’s gemacht</translation>
    </message>
    <message>
        <source>S&amp;nooze</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Überspringen</translation>
    </message>
    <message>
        <source>Skip this break</source>
        <translation>Diese Pause überspringen</translation>
    </message>
    <message>
        <source>&amp;Another one</source>
        <translation>Eine a&amp;ndere</translation>
    </message>
    <message>
        <source>Show another exercise</source>
        <translation>Eine andere Übung zeigen</translation>
    </message>
    <message>
        <source>Never show this</source>
        <translation>Nie mehr zeigen</translation>
    </message>
    <message>
        <source>Never show this exercise again</source>
        <translation>Diese Übung nie mehr zeigen</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Careful: {0}</source>
        <translation>Vorsicht: {0}</translation>
    </message>
    <message>
        <source>{0}: {1}, {2}</source>
        <translation>{0}: {1}, {2}</translation>
    </message>
    <message>
        <source>S&amp;nooze {0} min</source>
        <translation>&amp;Später ({0} Min.)</translation>
    </message>
    <message>
        <source>Snooze for {0} minutes</source>
        <translation>Um {0} Minuten verschieben</translation>
    </message>
    <message>
        <source>Snoozed once — time to move</source>
        <translation>Einmal verschoben – jetzt wird bewegt</translation>
    </message>
    <message>
        <source>Snoozed {0} times — time to move</source>
        <translation>{0}-mal verschoben – jetzt wird bewegt</translation>
    </message>
    <message>
        <source>No snoozing this time — time to move</source>
        <translation>Diesmal kein Verschieben – jetzt wird bewegt</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>Seite wechseln</translation>
    </message>
    <message>
        <source>Start when ready; switch sides halfway</source>
        <translation>Starte, wenn du bereit bist; nach der Hälfte Seite wechseln</translation>
    </message>
    <message>
        <source>Start when you are ready</source>
        <translation>Starte, wenn du bereit bist</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Resume the countdown</source>
        <translation>Countdown fortsetzen</translation>
    </message>
    <message>
        <source>First side</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Weiter so</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Pause the countdown</source>
        <translation>Countdown anhalten</translation>
    </message>
    <message>
        <source>S&amp;tart again</source>
        <translation>Neu s&amp;tarten</translation>
    </message>
    <message>
        <source>Start the countdown again</source>
        <translation>Countdown neu starten</translation>
    </message>
    <message>
        <source>Done — nice work. Counted; closing in {0} s</source>
        <translation>Fertig – gut gemacht. Gezählt; schließt in {0} s</translation>
    </message>
    <message>
        <source>Not counted. Press Done once you have finished</source>
        <translation>Nicht gezählt. Drück auf „Erledigt“, sobald du fertig bist</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favorit</translation>
    </message>
    <message>
        <source>☆ Add to favourites</source>
        <translation>☆ Zu den Favoriten</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>backbreak settings</source>
        <translation>backbreak – Einstellungen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Remind me every</source>
        <translation>Erinnere mich alle</translation>
    </message>
    <message>
        <source>Snooze for</source>
        <translation>Verschieben um</translation>
    </message>
    <message>
        <source>Snoozes in a row</source>
        <translation>Verschiebungen hintereinander</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Time away that counts as a break</source>
        <translation>Abwesenheit, die als Pause zählt</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>Pausen</translation>
    </message>
    <message>
        <source>Remind me &amp;every</source>
        <translation>Er&amp;innere mich alle</translation>
    </message>
    <message>
        <source>Snooze &amp;for</source>
        <translation>Ver&amp;schieben um</translation>
    </message>
    <message>
        <source>Snoozes allowed in a &amp;row</source>
        <translation>Erlaubte Verschiebungen &amp;hintereinander</translation>
    </message>
    <message>
        <source>Away this &amp;long counts as a break</source>
        <translation>So &amp;lange weg zählt als Pause</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>When a break is due, wait this long for a pause in typing</source>
        <translation>Wenn eine Pause fällig ist, so lange auf eine Tipppause warten</translation>
    </message>
    <message>
        <source>Show at once</source>
        <translation>Sofort zeigen</translation>
    </message>
    <message>
        <source>Hold breaks while a full-screen window is in fr&amp;ont</source>
        <translation>Pausen zurückhalten, solange ein Vollbildfenster v&amp;orne ist</translation>
    </message>
    <message>
        <source>Hold breaks while a full-screen window is in front</source>
        <translation>Pausen zurückhalten, solange ein Vollbildfenster vorne ist</translation>
    </message>
    <message>
        <source>Hold breaks while Do Not &amp;Disturb is on</source>
        <translation>Pausen zurückhalten, solange „&amp;Bitte nicht stören“ an ist</translation>
    </message>
    <message>
        <source>Hold breaks while the &amp;microphone is in use (a call)</source>
        <translation>Pausen zurückhalten, solange das &amp;Mikrofon benutzt wird (ein Anruf)</translation>
    </message>
    <message>
        <source>Hold breaks while the c&amp;amera is in use</source>
        <translation>Pausen zurückhalten, solange die K&amp;amera benutzt wird</translation>
    </message>
    <message>
        <source>Programs that hold breaks</source>
        <translation>Programme, die Pausen zurückhalten</translation>
    </message>
    <message>
        <source>for example: zoom, obs</source>
        <translation>zum Beispiel: zoom, obs</translation>
    </message>
    <message>
        <source>Don&apos;t interrupt</source>
        <translation>Nicht unterbrechen</translation>
    </message>
    <message>
        <source>Wait for a pause in &amp;typing, up to</source>
        <translation>Auf eine &amp;Tipppause warten, höchstens</translation>
    </message>
    <message>
        <source>If you keep typing, the break comes anyway. 0 = show at once.</source>
        <translation>Tippst du weiter, kommt die Pause trotzdem. 0 = sofort zeigen.</translation>
    </message>
    <message>
        <source>Slides, videos and games run on; the break waits.</source>
        <translation>Präsentationen, Videos und Spiele laufen weiter; die Pause wartet.</translation>
    </message>
    <message>
        <source>One break comes when the call ends.</source>
        <translation>Nach dem Anruf kommt eine Pause.</translation>
    </message>
    <message>
        <source>&amp;Programs that hold breaks</source>
        <translation>&amp;Programme, die Pausen zurückhalten</translation>
    </message>
    <message>
        <source>Program or window class names, separated by commas: a break waits while one runs or is in front.</source>
        <translation>Programm- oder Fensterklassennamen, durch Kommas getrennt: Eine Pause wartet, solange eines läuft oder im Vordergrund ist.</translation>
    </message>
    <message>
        <source>&amp;Only remind me during working hours</source>
        <translation>Nur &amp;während der Arbeitszeit erinnern</translation>
    </message>
    <message>
        <source>Work starts</source>
        <translation>Arbeitsbeginn</translation>
    </message>
    <message>
        <source>Work ends</source>
        <translation>Arbeitsende</translation>
    </message>
    <message>
        <source>Work on {0}</source>
        <translation>Arbeitstag {0}</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>V&amp;on</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <source>Turned off, breaks come at any hour on every day.</source>
        <translation>Wenn aus, kommen Pausen zu jeder Uhrzeit und an jedem Tag.</translation>
    </message>
    <message>
        <source>Kinds of exercise to include</source>
        <translation>Diese Arten von Übungen einbeziehen</translation>
    </message>
    <message>
        <source>O&amp;ffice-friendly only</source>
        <translation>Nur &amp;bürotauglich</translation>
    </message>
    <message>
        <source>Leaves out moves that need the floor, a wall, a towel or a ball.</source>
        <translation>Lässt Übungen weg, die Boden, Wand, Handtuch oder Ball brauchen.</translation>
    </message>
    <message>
        <source>The exercises</source>
        <translation>Die Übungen</translation>
    </message>
    <message>
        <source>Heads-up before a break, in seconds</source>
        <translation>Vorwarnung vor einer Pause, in Sekunden</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>End-of-&amp;day summary: how many breaks you took today</source>
        <translation>&amp;Tagesbilanz: wie viele Pausen du heute gemacht hast</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Heads-up &amp;before a break</source>
        <translation>Vor&amp;warnung vor einer Pause</translation>
    </message>
    <message>
        <source>A desktop notification. 0 = off.</source>
        <translation>Eine Desktop-Benachrichtigung. 0 = aus.</translation>
    </message>
    <message>
        <source>Ask how your back feels at the end of the day</source>
        <translation>Am Ende des Tages fragen, wie sich dein Rücken anfühlt</translation>
    </message>
    <message>
        <source>As&amp;k how my back feels</source>
        <translation>Nach dem Rüc&amp;ken fragen</translation>
    </message>
    <message>
        <source>One tap, 0–10, at the end of a working day; shown in History.</source>
        <translation>Ein Tipp, 0–10, am Ende eines Arbeitstags; steht im Verlauf.</translation>
    </message>
    <message>
        <source>Play a s&amp;oft chime (start, switch sides, done)</source>
        <translation>Einen &amp;leisen Klang spielen (Start, Seitenwechsel, fertig)</translation>
    </message>
    <message>
        <source>Speak short &amp;cues (switch sides, done)</source>
        <translation>Kurze Ansagen &amp;sprechen (Seitenwechsel, fertig)</translation>
    </message>
    <message>
        <source>Sound during the countdown</source>
        <translation>Ton während des Countdowns</translation>
    </message>
    <message>
        <source>Start backbreak when I &amp;log in</source>
        <translation>backbreak beim Anmel&amp;den starten</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Larger &amp;text in the break window</source>
        <translation>&amp;Größere Schrift im Pausenfenster</translation>
    </message>
    <message>
        <source>Reduce &amp;motion (no animations)</source>
        <translation>&amp;Bewegung reduzieren (keine Animationen)</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>A new language is used after backbreak restarts.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart von backbreak.</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Delete break history older than, in months</source>
        <translation>Pausenverlauf löschen, wenn älter als so viele Monate</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>Für immer behalten</translation>
    </message>
    <message>
        <source>Break history</source>
        <translation>Pausenverlauf</translation>
    </message>
    <message>
        <source>&amp;Delete history older than</source>
        <translation>Verlauf &amp;löschen, wenn älter als</translation>
    </message>
    <message>
        <source>0 = keep it all.</source>
        <translation>0 = alles behalten.</translation>
    </message>
    <message>
        <source>Your break history stays on this computer; backbreak sends nothing anywhere.</source>
        <translation>Dein Pausenverlauf bleibt auf diesem Computer; backbreak sendet nichts irgendwohin.</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Zeitplan</translation>
    </message>
    <message>
        <source>&amp;Working hours</source>
        <translation>&amp;Arbeitszeit</translation>
    </message>
    <message>
        <source>E&amp;xercises</source>
        <translation>Übung&amp;en</translation>
    </message>
    <message>
        <source>&amp;Notifications &amp;&amp; sound</source>
        <translation>Be&amp;nachrichtigungen &amp;&amp; Ton</translation>
    </message>
    <message>
        <source>Start&amp;up &amp;&amp; appearance</source>
        <translation>Sta&amp;rt &amp;&amp; Darstellung</translation>
    </message>
    <message>
        <source>&amp;History &amp;&amp; privacy</source>
        <translation>&amp;Verlauf &amp;&amp; Datenschutz</translation>
    </message>
    <message>
        <source>OK: apply and close</source>
        <translation>OK: übernehmen und schließen</translation>
    </message>
    <message>
        <source>Apply the changes</source>
        <translation>Änderungen übernehmen</translation>
    </message>
    <message>
        <source>Cancel: forget the changes</source>
        <translation>Abbrechen: Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Working hours must start and end at different times.</source>
        <translation>Arbeitsbeginn und Arbeitsende müssen verschieden sein.</translation>
    </message>
    <message>
        <source>Pick at least one working day, or turn working hours off.</source>
        <translation>Wähle mindestens einen Arbeitstag oder schalte die Arbeitszeit aus.</translation>
    </message>
    <message>
        <source>Keep at least one kind of exercise.</source>
        <translation>Behalte mindestens eine Art von Übungen.</translation>
    </message>
    <message>
        <source>No exercise is left to show: tick one on the Exercises page, or turn on another kind.</source>
        <translation>Es bleibt keine Übung übrig: Hake auf der Seite „Übungen“ eine an oder schalte eine weitere Art ein.</translation>
    </message>
</context>
<context>
    <name>TimelineLegend</name>
    <message>
        <source>Sitting</source>
        <translation>Sitzen</translation>
    </message>
    <message>
        <source>Longest sitting</source>
        <translation>Am längsten gesessen</translation>
    </message>
    <message>
        <source>Sitting now</source>
        <translation>Sitzen (läuft noch)</translation>
    </message>
    <message>
        <source>Time away</source>
        <translation>Abwesenheit</translation>
    </message>
    <message>
        <source>Paused time</source>
        <translation>Pausierte Zeit</translation>
    </message>
    <message>
        <source>Timeline key</source>
        <translation>Legende der Zeitleiste</translation>
    </message>
    <message>
        <source>Done is a filled circle, snoozed a triangle, skipped a cross, away a square, paused two bars, no answer a hollow diamond. Grey bars are time sitting; the longest is highlighted and labelled. A hatched bar with a dashed outline, ending at a line, is the sitting still going on now.</source>
        <translation>Erledigt ist ein gefüllter Kreis, verschoben ein Dreieck, übersprungen ein Kreuz, abwesend ein Quadrat, pausiert zwei Balken, keine Antwort eine leere Raute. Graue Balken sind Sitzzeit; die längste ist hervorgehoben und beschriftet. Ein schraffierter Balken mit gestricheltem Rand, der an einer Linie endet, ist das Sitzen, das gerade noch läuft.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Today&apos;s timeline</source>
        <translation>Zeitleiste von heute</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>backbreak menu</source>
        <translation>backbreak-Menü</translation>
    </message>
    <message>
        <source>Take a break now</source>
        <translation>Jetzt Pause machen</translation>
    </message>
    <message>
        <source>Show the break</source>
        <translation>Pause anzeigen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Meeting (one break after it)</source>
        <translation>Besprechung (danach eine Pause)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Verlauf …</translation>
    </message>
    <message>
        <source>About backbreak</source>
        <translation>Über backbreak</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>The history window is not ready yet</source>
        <translation>Das Verlaufsfenster ist noch nicht bereit</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to backbreak</source>
        <translation>Willkommen bei backbreak</translation>
    </message>
    <message>
        <source>Stand up once in a while, move for a minute</source>
        <translation>Ab und zu aufstehen, eine Minute bewegen</translation>
    </message>
    <message>
        <source>backbreak waits in the tray and, after a stretch of sitting, asks you to get up and do one short move. It waits while you type, present or are on a call, and time away from the desk counts as a break.</source>
        <translation>backbreak wartet im Infobereich und bittet dich nach einer Weile im Sitzen, aufzustehen und eine kurze Übung zu machen. Es wartet, solange du tippst, präsentierst oder telefonierst, und Zeit weg vom Schreibtisch zählt als Pause.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Remind me every</source>
        <translation>Erinnere mich alle</translation>
    </message>
    <message>
        <source>Working day starts at</source>
        <translation>Arbeitstag beginnt um</translation>
    </message>
    <message>
        <source>Working day ends at</source>
        <translation>Arbeitstag endet um</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Remind me &amp;every</source>
        <translation>Er&amp;innere mich alle</translation>
    </message>
    <message>
        <source>&amp;Working hours</source>
        <translation>&amp;Arbeitszeit</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Arbeitstage</translation>
    </message>
    <message>
        <source>&amp;Office-friendly moves only (nothing that needs the floor, a towel or a ball)</source>
        <translation>Nur &amp;bürotaugliche Übungen (nichts, wofür man Boden, Handtuch oder Ball braucht)</translation>
    </message>
    <message>
        <source>Start backbreak when I &amp;log in</source>
        <translation>backbreak beim Anmel&amp;den starten</translation>
    </message>
    <message>
        <source>All of this can be changed later in Settings.</source>
        <translation>All das kannst du später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>&amp;Try one now</source>
        <translation>&amp;Jetzt eine ausprobieren</translation>
    </message>
    <message>
        <source>Save and show a break now</source>
        <translation>Speichern und gleich eine Pause zeigen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Los geht’s</translation>
    </message>
    <message>
        <source>Save and start</source>
        <translation>Speichern und loslegen</translation>
    </message>
    <message>
        <source>The working day must start and end at different times.</source>
        <translation>Der Arbeitstag muss zu verschiedenen Zeiten beginnen und enden.</translation>
    </message>
    <message>
        <source>Pick at least one working day.</source>
        <translation>Wähle mindestens einen Arbeitstag.</translation>
    </message>
</context>
</TS>
