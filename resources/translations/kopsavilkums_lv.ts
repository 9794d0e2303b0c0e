<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="lv" sourcelanguage="en">
<context>
    <name>Budget</name>
    <message>
        <source>Year</source>
        <translation>Gads</translation>
    </message>
    <message>
        <source>Planned, euro</source>
        <translation>Plānotais, euro</translation>
    </message>
    <message>
        <source>Actually used, euro</source>
        <translation>Faktiski izlietotais, euro</translation>
    </message>
    <message>
        <source>Difference, euro</source>
        <translation>Starpība, euro</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Kopā</translation>
    </message>
    <message>
        <source>Edit budget %1</source>
        <translation>Labot budžetu: %1</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong inside Kopsavilkums. Your unsaved changes were kept and will be offered at the next start.

Details are in %1</source>
        <translation>Kopsavilkumā radās neparedzēta kļūda. Nesaglabātās izmaiņas ir paglabātas, un nākamajā palaišanas reizē tās tiks piedāvātas atjaunot.

Sīkāka informācija: %1</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>Search drafts…</source>
        <translation>Meklēt melnrakstos…</translation>
    </message>
    <message>
        <source>Search drafts</source>
        <translation>Meklēt melnrakstos</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Melnraksti</translation>
    </message>
    <message>
        <source>Show the trash</source>
        <translation>Rādīt atkritni</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Virsraksts</translation>
    </message>
    <message>
        <source>Performer</source>
        <translation>Veicējs</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periods</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Pēdējās izmaiņas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statuss</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(bez virsraksta)</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Iesniegts</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Melnraksts</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Title of the summary</source>
        <translation>Kopsavilkuma virsraksts</translation>
    </message>
    <message>
        <source>Public administration task</source>
        <translation>Valsts pārvaldes uzdevums</translation>
    </message>
    <message>
        <source>Performer of the public administration task</source>
        <translation>Valsts pārvaldes uzdevuma veicējs</translation>
    </message>
    <message>
        <source>Delegation period of the public administration task</source>
        <translation>Valsts pārvaldes uzdevuma deleģēšanas periods</translation>
    </message>
    <message>
        <source>Description and assessment of the result indicators achieved in carrying out the public administration task and of whether the state budget funding used matches the objectives set out in the contract</source>
        <translation>Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā paredzētajiem mērķiem</translation>
    </message>
    <message>
        <source>Planned and actually used state budget funding by year</source>
        <translation>Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem</translation>
    </message>
    <message>
        <source>Irregular expenditure</source>
        <translation>Neatbilstoši veiktie izdevumi</translation>
    </message>
    <message>
        <source>Amount of funds not recovered from irregular expenditure</source>
        <translation>Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem</translation>
    </message>
    <message>
        <source>Other information</source>
        <translation>Cita informācija</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Virsraksts</translation>
    </message>
    <message>
        <source>Header facts (optional)</source>
        <translation>Papildu ziņas galvenē (nav obligātas)</translation>
    </message>
    <message>
        <source>Delegating institution</source>
        <translation>Deleģējošā iestāde</translation>
    </message>
    <message>
        <source>Contract (number and date)</source>
        <translation>Līgums (numurs un datums)</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Ievads</translation>
    </message>
    <message>
        <source>Objectives (numbered 1., 2., …)</source>
        <translation>Uzdevumi (numurēti 1., 2., …)</translation>
    </message>
    <message>
        <source>The following result indicators were achieved within the public administration task:</source>
        <translation>Valsts pārvaldes uzdevumu ietvaros tika sasniegti šādi rezultatīvie rādītāji:</translation>
    </message>
    <message>
        <source>Achieved result indicators (numbered 1), 2), …)</source>
        <translation>Sasniegtie rezultatīvie rādītāji (numurēti 1), 2), …)</translation>
    </message>
    <message>
        <source>Closing assessment</source>
        <translation>Noslēguma vērtējums</translation>
    </message>
    <message>
        <source>Leave empty to print “Nav” (none).</source>
        <translation>Ja atstāj tukšu, drukās „Nav”.</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Paraksts</translation>
    </message>
    <message>
        <source>Representative&apos;s name</source>
        <translation>Pārstāvja vārds, uzvārds</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Amats</translation>
    </message>
    <message>
        <source>Date of signing</source>
        <translation>Parakstīšanas datums</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Sagatavoja</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Vārds, uzvārds</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Tālrunis</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-pasts</translation>
    </message>
    <message>
        <source>From</source>
        <translation>No</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Līdz</translation>
    </message>
    <message>
        <source>The years follow the delegation period. Type amounts like 31 830,96.</source>
        <translation>Gadi seko deleģēšanas periodam. Summas raksta, piemēram, 31 830,96.</translation>
    </message>
    <message>
        <source>None (prints “Nav”)</source>
        <translation>Nav (drukās „Nav”)</translation>
    </message>
    <message>
        <source>Amount with explanation</source>
        <translation>Summa ar paskaidrojumu</translation>
    </message>
    <message>
        <source>Amount, euro</source>
        <translation>Summa, euro</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Paskaidrojums</translation>
    </message>
    <message>
        <source>Choose “Nav”</source>
        <translation>Izvēlēties „Nav”</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.gggg</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>Izvēlēties kalendārā (Alt+Down)</translation>
    </message>
</context>
<context>
    <name>Pdf</name>
    <message>
        <source>Preview of the PDF</source>
        <translation>PDF priekšskatījums</translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation>PDF lapas</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drukāt…</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Error</source>
        <translation>Kļūda</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Brīdinājums</translation>
    </message>
</context>
<context>
    <name>Rows</name>
    <message>
        <source>Add</source>
        <translation>Pievienot</translation>
    </message>
    <message>
        <source>Insert above</source>
        <translation>Ievietot virs</translation>
    </message>
    <message>
        <source>Insert below</source>
        <translation>Ievietot zem</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dublēt</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Dzēst</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Pārvietot augšup</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Pārvietot lejup</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Labot: %1</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Pievienot rindu</translation>
    </message>
    <message>
        <source>Duplicate row</source>
        <translation>Dublēt rindu</translation>
    </message>
    <message>
        <source>Delete row</source>
        <translation>Dzēst rindu</translation>
    </message>
    <message>
        <source>Move row</source>
        <translation>Pārvietot rindu</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Uzdevums</translation>
    </message>
    <message>
        <source>Result indicator</source>
        <translation>Rezultatīvais rādītājs</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Plānots</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Sasniegts</translation>
    </message>
    <message>
        <source>Note (e.g. why not achieved)</source>
        <translation>Piezīme (piem., kāpēc nav sasniegts)</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>&amp;New draft</source>
        <translation>&amp;Jauns melnraksts</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Dublēt</translation>
    </message>
    <message>
        <source>Start the &amp;next report from this one</source>
        <translation>Sākt &amp;nākamo kopsavilkumu no šī</translation>
    </message>
    <message>
        <source>Move to the &amp;trash</source>
        <translation>Pārvietot uz &amp;atkritni</translation>
    </message>
    <message>
        <source>&amp;Restore from the trash</source>
        <translation>Atjau&amp;not no atkritnes</translation>
    </message>
    <message>
        <source>Delete for &amp;good</source>
        <translation>Dzēst &amp;neatgriezeniski</translation>
    </message>
    <message>
        <source>&amp;Import draft file…</source>
        <translation>&amp;Importēt melnraksta failu…</translation>
    </message>
    <message>
        <source>E&amp;xport draft file…</source>
        <translation>&amp;Eksportēt melnraksta failu…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Saglabāt</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Eksportēt &amp;PDF…</translation>
    </message>
    <message>
        <source>Pre&amp;view PDF</source>
        <translation>PDF &amp;priekšskatījums</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>D&amp;rukāt…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ie&amp;t ārā</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Atsaukt</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>At&amp;kārtot</translation>
    </message>
    <message>
        <source>&amp;Mark as submitted</source>
        <translation>Atzīmēt kā &amp;iesniegtu</translation>
    </message>
    <message>
        <source>Re&amp;open for editing</source>
        <translation>Atvērt &amp;labošanai</translation>
    </message>
    <message>
        <source>Go to the next &amp;problem</source>
        <translation>Uz nākamo &amp;problēmu</translation>
    </message>
    <message>
        <source>&amp;About Kopsavilkums</source>
        <translation>&amp;Par Kopsavilkumu</translation>
    </message>
    <message>
        <source>Changes to “%1” were not saved when Kopsavilkums last closed. Restore them?</source>
        <translation>Izmaiņas „%1” netika saglabātas, kad Kopsavilkums pēdējo reizi tika aizvērts. Atjaunot tās?</translation>
    </message>
    <message>
        <source>The restored changes to “%1” were kept as a new draft, so nothing saved since is overwritten.</source>
        <translation>Atjaunotās “%1” izmaiņas saglabātas kā jauns melnraksts, lai netiktu pārrakstīts nekas, kas saglabāts kopš tā laika.</translation>
    </message>
    <message>
        <source>This summary is marked as submitted and can only be read.</source>
        <translation>Šis kopsavilkums ir atzīmēts kā iesniegts, un to var tikai lasīt.</translation>
    </message>
    <message>
        <source>Reopen for editing</source>
        <translation>Atvērt labošanai</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problēmas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fails</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Labot</translation>
    </message>
    <message>
        <source>&amp;Draft</source>
        <translation>&amp;Melnraksts</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Skats</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Va&amp;loda</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Palīdzība</translation>
    </message>
    <message>
        <source>No draft is open. Start one with New draft (Ctrl+N) or import a draft file.</source>
        <translation>Neviens melnraksts nav atvērts. Sāciet ar „Jauns melnraksts” (Ctrl+N) vai importējiet melnraksta failu.</translation>
    </message>
    <message>
        <source>The changes could not be saved. Leave this draft anyway and lose them?</source>
        <translation>Izmaiņas neizdevās saglabāt. Tomēr pamest šo melnrakstu un tās zaudēt?</translation>
    </message>
    <message>
        <source>Moved to the trash; “Show the trash” and Restore bring it back.</source>
        <translation>Pārvietots uz atkritni; ar „Rādīt atkritni” un „Atjaunot” to var atgūt.</translation>
    </message>
    <message>
        <source>Delete this draft for good? This cannot be undone.</source>
        <translation>Dzēst šo melnrakstu neatgriezeniski? To nevarēs atsaukt.</translation>
    </message>
    <message>
        <source>Import a draft file</source>
        <translation>Importēt melnraksta failu</translation>
    </message>
    <message>
        <source>Draft files (*.json);;All files (*)</source>
        <translation>Melnrakstu faili (*.json);;Visi faili (*)</translation>
    </message>
    <message>
        <source>Export the draft file</source>
        <translation>Eksportēt melnraksta failu</translation>
    </message>
    <message>
        <source>Draft files (*.json)</source>
        <translation>Melnrakstu faili (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Eksportēts: %1</translation>
    </message>
    <message>
        <source>Building the PDF…</source>
        <translation>Veido PDF…</translation>
    </message>
    <message>
        <source>The PDF could not be made: %1</source>
        <translation>PDF neizdevās izveidot: %1</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Eksportēt PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF faili (*.pdf)</translation>
    </message>
    <message>
        <source>PDF saved: %1</source>
        <translation>PDF saglabāts: %1</translation>
    </message>
    <message>
        <source>The preview needs Qt PDF, which is not installed.</source>
        <translation>Priekšskatījumam vajag Qt PDF, kas nav uzstādīts.</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nav pārbaudīts</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Pārbauda…</translation>
    </message>
    <message>
        <source>Errors: %1 · Warnings: %2</source>
        <translation>Kļūdas: %1 · Brīdinājumi: %2</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problēmas (%1)</translation>
    </message>
    <message>
        <source>The summary still has errors (see Problems); it can be marked as submitted once they are fixed.</source>
        <translation>Kopsavilkumā vēl ir kļūdas (sk. „Problēmas”); kā iesniegtu to var atzīmēt, kad tās izlabotas.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saglabāts %1</translation>
    </message>
    <message>
        <source>Not saved!</source>
        <translation>Nav saglabāts!</translation>
    </message>
    <message>
        <source>Could not save: %1. Your changes stay in the window; saving is retried.</source>
        <translation>Neizdevās saglabāt: %1. Izmaiņas paliek logā; saglabāšanu mēģinās vēlreiz.</translation>
    </message>
    <message>
        <source>Your version was kept as a copy.</source>
        <translation>Jūsu versija saglabāta kā kopija.</translation>
    </message>
    <message>
        <source>The new period no longer includes %1, which holds amounts. Remove these budget years? (Edit → Undo brings them back.)</source>
        <translation>Jaunajā periodā vairs nav %1, kur ir ierakstītas summas. Noņemt šos budžeta gadus? (Labot → Atsaukt tos atgriež.)</translation>
    </message>
    <message>
        <source>This draft was changed in another window. Keep your version as a copy, or load the other version?</source>
        <translation>Šo melnrakstu mainīja citā logā. Paturēt jūsu versiju kā kopiju vai ielādēt otru versiju?</translation>
    </message>
    <message>
        <source>Keep mine as a copy</source>
        <translation>Paturēt manējo kā kopiju</translation>
    </message>
    <message>
        <source>Load the other version</source>
        <translation>Ielādēt otru versiju</translation>
    </message>
    <message>
        <source>The summary of a delegated public administration task.</source>
        <translation>Kopsavilkums par deleģēta valsts pārvaldes uzdevuma izpildi.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(bez virsraksta)</translation>
    </message>
</context>
</TS>
