<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackupCounts</name>
    <message numerus="yes">
        <source>%Ln mother(s)</source>
        <translation>
            <numerusform>%Ln mother</numerusform>
            <numerusform>%Ln mothers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln volunteer(s)</source>
        <translation>
            <numerusform>%Ln volunteer</numerusform>
            <numerusform>%Ln volunteers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln local service(s)</source>
        <translation>
            <numerusform>%Ln local service</numerusform>
            <numerusform>%Ln local services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message numerus="yes">
        <source>%n unfinished backup file(s) left in that folder by an interrupted backup were removed ({size} freed).</source>
        <translation>
            <numerusform>%n unfinished backup file left in that folder by an interrupted backup was removed ({size} freed).</numerusform>
            <numerusform>%n unfinished backup files left in that folder by an interrupted backup were removed ({size} freed).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupStatusCounts</name>
    <message numerus="yes">
        <source>That is more than %n day(s) ago: if this PC broke or were stolen, the records added since would be lost.</source>
        <translation>
            <numerusform>That is more than %n day ago: if this PC broke or were stolen, the records added since would be lost.</numerusform>
            <numerusform>That is more than %n days ago: if this PC broke or were stolen, the records added since would be lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupsSection</name>
    <message numerus="yes">
        <source> backup(s)</source>
        <translation>
            <numerusform> backup</numerusform>
            <numerusform> backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message numerus="yes">
        <source>&amp;Save %n proposal(s)</source>
        <translation>
            <numerusform>&amp;Save %n proposal</numerusform>
            <numerusform>&amp;Save %n proposals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message numerus="yes">
        <source>%n contact(s) saved in this window.</source>
        <translation>
            <numerusform>%n contact saved in this window.</numerusform>
            <numerusform>%n contacts saved in this window.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExcludedPanel</name>
    <message numerus="yes">
        <source>%n volunteer(s) cannot support her</source>
        <translation>
            <numerusform>%n volunteer cannot support her</numerusform>
            <numerusform>%n volunteers cannot support her</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportCounts</name>
    <message numerus="yes">
        <source>%Ln mother(s)</source>
        <translation>
            <numerusform>%Ln mother</numerusform>
            <numerusform>%Ln mothers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln volunteer(s)</source>
        <translation>
            <numerusform>%Ln volunteer</numerusform>
            <numerusform>%Ln volunteers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln local service(s)</source>
        <translation>
            <numerusform>%Ln local service</numerusform>
            <numerusform>%Ln local services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormCounts</name>
    <message numerus="yes">
        <source>To save, correct %n field(s). First: {first}</source>
        <translation>
            <numerusform>To save, correct %n field. First: {first}</numerusform>
            <numerusform>To save, correct %n fields. First: {first}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This {noun} cannot be saved yet: %n field(s) need correcting.</source>
        <translation>
            <numerusform>This {noun} cannot be saved yet: %n field needs correcting.</numerusform>
            <numerusform>This {noun} cannot be saved yet: %n fields need correcting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetterPreview</name>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListCounts</name>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln record(s)</source>
        <translation>
            <numerusform>{shown} of %Ln record</numerusform>
            <numerusform>{shown} of %Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatchesPage</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatchingWizard</name>
    <message numerus="yes">
        <source>%n volunteer(s) can support her, best first.</source>
        <translation>
            <numerusform>%n volunteer can support her, best first.</numerusform>
            <numerusform>%n volunteers can support her, best first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Compare %n ticked…</source>
        <translation>
            <numerusform>&amp;Compare %n ticked…</numerusform>
            <numerusform>&amp;Compare %n ticked…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MothersPage</name>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mother(s)</source>
        <translation>
            <numerusform>%Ln mother</numerusform>
            <numerusform>%Ln mothers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln mother(s)</source>
        <translation>
            <numerusform>{shown} of %Ln mother</numerusform>
            <numerusform>{shown} of %Ln mothers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PickMotherDialog</name>
    <message numerus="yes">
        <source>waiting %n day(s)</source>
        <translation>
            <numerusform>waiting %n day</numerusform>
            <numerusform>waiting %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mother(s) not yet matched</source>
        <translation>
            <numerusform>%n mother not yet matched</numerusform>
            <numerusform>%n mothers not yet matched</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecuritySection</name>
    <message numerus="yes">
        <source> minute(s)</source>
        <translation>
            <numerusform> minute</numerusform>
            <numerusform> minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message numerus="yes">
        <source>%Ln service(s)</source>
        <translation>
            <numerusform>%Ln service</numerusform>
            <numerusform>%Ln services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln service(s)</source>
        <translation>
            <numerusform>{shown} of %Ln service</numerusform>
            <numerusform>{shown} of %Ln services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message numerus="yes">
        <source> · %n open action(s)</source>
        <translation>
            <numerusform> · %n open action</numerusform>
            <numerusform> · %n open actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open concern(s)</source>
        <translation>
            <numerusform>%n open concern</numerusform>
            <numerusform>%n open concerns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TermModel</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>%n thing(s) need you</source>
        <translation>
            <numerusform>%n thing needs you</numerusform>
            <numerusform>%n things need you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n urgent</source>
        <translation>
            <numerusform>, %n urgent</numerusform>
            <numerusform>, %n urgent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show snoozed (%n)</source>
        <translation>
            <numerusform>Show snoozed (%n)</numerusform>
            <numerusform>Show snoozed (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message numerus="yes">
        <source>“{column}”: %n value(s) not in your {what}</source>
        <extracomment>(column, value) -&gt; its choice.</extracomment>
        <translation>
            <numerusform>“{column}”: %n value not in your {what}</numerusform>
            <numerusform>“{column}”: %n values not in your {what}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message numerus="yes">
        <source>%Ln volunteer(s)</source>
        <translation>
            <numerusform>%Ln volunteer</numerusform>
            <numerusform>%Ln volunteers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln volunteer(s)</source>
        <translation>
            <numerusform>{shown} of %Ln volunteer</numerusform>
            <numerusform>{shown} of %Ln volunteers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolunteersSection</name>
    <message numerus="yes">
        <source> year(s) after issue</source>
        <translation>
            <numerusform> year after issue</numerusform>
            <numerusform> years after issue</numerusform>
        </translation>
    </message>
</context>
</TS>
