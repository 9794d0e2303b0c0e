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
        <source>The trash is empty.</source>
        <translation>Atkritne ir tukša.</translation>
    </message>
    <message>
        <source>Show the trash</source>
        <translation>Rādīt atkritni</translation>
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
    <message>
        <source>Signed by %1</source>
        <translation>Parakstījis %1</translation>
    </message>
    <message>
        <source>Signed by %1 on %2</source>
        <translation>Parakstījis %1, %2</translation>
    </message>
    <message>
        <source>%1 · changed %2</source>
        <translation>%1 · mainīts %2</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>This field holds at most %1 characters; the rest was left out.</source>
        <translation>Šajā laukā var būt ne vairāk kā %1 rakstzīmju; pārējais netika ievietots.</translation>
    </message>
    <message>
        <source>The following result indicators were achieved within the public administration task:</source>
        <translation>Valsts pārvaldes uzdevumu ietvaros tika sasniegti šādi rezultatīvie rādītāji:</translation>
    </message>
    <message>
        <source>The years follow the delegation period. One amount a year is enough: what was actually used; the planned amount is optional. Type amounts like 31 830,96.</source>
        <translation>Gadi seko deleģēšanas periodam. Pietiek ar vienu summu gadā – faktiski izlietoto; plānotā summa nav obligāta. Summas raksta, piemēram, 31 830,96.</translation>
    </message>
    <message>
        <source>Signed with a secure e-signature, the document&apos;s time stamp is its date: none is written here.</source>
        <translation>Ar drošu elektronisko parakstu parakstīta dokumenta datums ir tā laika zīmogs, tāpēc šeit datumu neraksta.</translation>
    </message>
    <message>
        <source>Leave empty to print “Nav” (none).</source>
        <translation>Ja atstāj tukšu, drukās „Nav”.</translation>
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
        <source>Choose “Nav”</source>
        <translation>Izvēlēties „Nav”</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.gggg</translation>
    </message>
    <message>
        <source>Choose from a calendar (%1)</source>
        <translation>Izvēlēties kalendārā (%1)</translation>
    </message>
    <message>
        <source>By hand, on paper</source>
        <translation>Ar roku, uz papīra</translation>
    </message>
    <message>
        <source>With a secure e-signature</source>
        <translation>Ar drošu elektronisko parakstu</translation>
    </message>
    <message>
        <source>%1 character too many</source>
        <translation>%1 rakstzīme par daudz</translation>
    </message>
    <message>
        <source>%1 characters too many</source>
        <translation>%1 rakstzīmes par daudz</translation>
    </message>
    <message>
        <source>%1 character left</source>
        <translation>Atlikusi %1 rakstzīme</translation>
    </message>
    <message>
        <source>%1 characters left</source>
        <translation>Atlikušas %1 rakstzīmes</translation>
    </message>
    <message>
        <source>… and %1 more in the Problems list</source>
        <translation>… un vēl %1 sarakstā „Problēmas”</translation>
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
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Meklēt:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Datņu &amp;tips:</translation>
    </message>
</context>
<context>
    <name>RowMenu</name>
    <message>
        <source>&amp;Add a row</source>
        <translation>Pievie&amp;not rindu</translation>
    </message>
    <message>
        <source>&amp;Insert a row above</source>
        <translation>&amp;Ievietot rindu virs</translation>
    </message>
    <message>
        <source>Insert a row &amp;below</source>
        <translation>Ievietot rindu &amp;zem</translation>
    </message>
    <message>
        <source>&amp;Duplicate rows</source>
        <translation>&amp;Dublēt rindas</translation>
    </message>
    <message>
        <source>Dele&amp;te rows</source>
        <translation>Dzēs&amp;t rindas</translation>
    </message>
    <message>
        <source>&amp;Move rows up</source>
        <translation>Pārvietot rindas au&amp;gšup</translation>
    </message>
    <message>
        <source>Move rows d&amp;own</source>
        <translation>Pārvietot rindas &amp;lejup</translation>
    </message>
    <message>
        <source>Mar&amp;k as checked</source>
        <translation>Atzī&amp;mēt kā pārbaudītu</translation>
    </message>
</context>
<context>
    <name>Rows</name>
    <message>
        <source>Add</source>
        <extracomment>Buttons that show an arrow, not their words (which the menus and the tooltip still give).</extracomment>
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
        <source>Mark as checked</source>
        <translation>Atzīmēt kā pārbaudītu</translation>
    </message>
    <message>
        <source>Mark all as checked</source>
        <translation>Atzīmēt visus kā pārbaudītus</translation>
    </message>
    <message>
        <source>↻ Carried over from the previous report and still describing its results: %1. Check each row, rewrite what changed, and mark it as checked (Ctrl+K).</source>
        <translation>↻ Pārņemti no iepriekšējā kopsavilkuma un vēl apraksta tā rezultātus: %1. Pārbaudiet katru rindu, pārrakstiet, kas mainījies, un atzīmējiet to kā pārbaudītu (Ctrl+K).</translation>
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
        <source>Carried over from the previous report: check it, then mark it as checked (Ctrl+K).</source>
        <translation>Pārņemts no iepriekšējā kopsavilkuma: pārbaudiet un tad atzīmējiet kā pārbaudītu (Ctrl+K).</translation>
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
        <source>Start the ne&amp;xt report from this one</source>
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
        <translation>&amp;Dzēst neatgriezeniski</translation>
    </message>
    <message>
        <source>&amp;Import a summary…</source>
        <translation>&amp;Importēt kopsavilkumu…</translation>
    </message>
    <message>
        <source>Pas&amp;te as a new draft</source>
        <translation>Ie&amp;līmēt kā jaunu melnrakstu</translation>
    </message>
    <message>
        <source>Export &amp;as…</source>
        <translation>Eksportēt &amp;kā…</translation>
    </message>
    <message>
        <source>Copy for the &amp;web page</source>
        <translation>Kopēt &amp;tīmekļa lapai</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Saglabāt</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Eksportēt &amp;PDF…</translation>
    </message>
    <message>
        <source>Pre&amp;view PDF</source>
        <translation>PDF pri&amp;ekšskatījums</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>D&amp;rukāt…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>I&amp;ziet</translation>
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
        <source>&amp;Attach the signed copy…</source>
        <translation>Pievienot &amp;parakstīto kopiju…</translation>
    </message>
    <message>
        <source>Open the signed cop&amp;y</source>
        <translation>Atvērt parakstīto &amp;kopiju</translation>
    </message>
    <message>
        <source>E&amp;xport the signed copy…</source>
        <translation>&amp;Eksportēt parakstīto kopiju…</translation>
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
        <translation>Izmaiņas melnrakstā „%1” netika saglabātas, kad Kopsavilkums pēdējo reizi tika aizvērts. Atjaunot tās?</translation>
    </message>
    <message>
        <source>The restored changes to “%1” were kept as a new draft, so nothing saved since is overwritten.</source>
        <translation>Atjaunotās izmaiņas melnrakstā „%1” saglabātas kā jauns melnraksts, lai netiktu pārrakstīts nekas, kas saglabāts kopš tā laika.</translation>
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
        <source>No draft is open. Start one with New draft (Ctrl+N) or import a summary (Ctrl+I).</source>
        <translation>Neviens melnraksts nav atvērts. Sāciet ar „Jauns melnraksts” (Ctrl+N) vai importējiet kopsavilkumu (Ctrl+I).</translation>
    </message>
    <message>
        <source>Signed by %1; the signed copy is kept with this draft, which can only be read.</source>
        <translation>Parakstījis %1; parakstītā kopija glabājas kopā ar šo melnrakstu, kuru var tikai lasīt.</translation>
    </message>
    <message>
        <source>Close this note</source>
        <translation>Aizvērt šo piezīmi</translation>
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
        <source>This draft is in the trash and can only be read; Restore brings it back.</source>
        <translation>Šis melnraksts ir atkritnē, un to var tikai lasīt; ar „Atjaunot” to var atgūt.</translation>
    </message>
    <message>
        <source>The changes could not be saved. Leave this draft anyway and lose them?</source>
        <translation>Izmaiņas neizdevās saglabāt. Tomēr pamest šo melnrakstu un tās zaudēt?</translation>
    </message>
    <message>
        <source>Summaries</source>
        <extracomment>Export as…: the formats in the order offered, the first proposed.</extracomment>
        <translation>Kopsavilkumi</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Visi faili (*)</translation>
    </message>
    <message>
        <source>Import a summary</source>
        <translation>Importēt kopsavilkumu</translation>
    </message>
    <message>
        <source>This is the signed copy of the stored draft “%1” (signed by %2). Keep it with that draft and mark the draft submitted, instead of adding a new draft?</source>
        <translation>Šī ir saglabātā melnraksta „%1” parakstītā kopija (parakstījis %2). Glabāt to kopā ar šo melnrakstu un atzīmēt melnrakstu kā iesniegtu, nevis pievienot jaunu melnrakstu?</translation>
    </message>
    <message>
        <source>Attach the signed copy</source>
        <translation>Pievienot parakstīto kopiju</translation>
    </message>
    <message>
        <source>The summary signed in “%1” differs from this draft. Keep it with this draft all the same?</source>
        <translation>Failā „%1” parakstītais kopsavilkums atšķiras no šī melnraksta. Tomēr glabāt to kopā ar šo melnrakstu?</translation>
    </message>
    <message>
        <source>The signed copy was not attached.</source>
        <translation>Parakstītā kopija netika pievienota.</translation>
    </message>
    <message>
        <source>Export the signed copy</source>
        <translation>Eksportēt parakstīto kopiju</translation>
    </message>
    <message>
        <source>the clipboard</source>
        <translation>starpliktuves</translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste as a summary.</source>
        <translation>Starpliktuvē nav teksta, ko ielīmēt kā kopsavilkumu.</translation>
    </message>
    <message>
        <source>This is what was read from “%1”. Add it as a new draft?</source>
        <translation>Lūk, kas nolasīts no „%1”. Pievienot to kā jaunu melnrakstu?</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nekas netika importēts.</translation>
    </message>
    <message>
        <source>Imported from “%1”. Please check:</source>
        <translation>Importēts no „%1”. Lūdzu, pārbaudiet:</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Eksportēt kā</translation>
    </message>
    <message>
        <source>Copied: paste it into the web page&apos;s editor.</source>
        <translation>Nokopēts: ielīmējiet to tīmekļa lapas redaktorā.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nav)</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Virsraksts: %1</translation>
    </message>
    <message>
        <source>Performer: %1</source>
        <translation>Veicējs: %1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Periods: %1</translation>
    </message>
    <message>
        <source>Objectives: %1 · Indicators: %2 · Budget years: %3</source>
        <translation>Uzdevumi: %1 · Rādītāji: %2 · Budžeta gadi: %3</translation>
    </message>
    <message>
        <source>Please check:</source>
        <translation>Lūdzu, pārbaudiet:</translation>
    </message>
    <message>
        <source>Moved to the trash. Undo (Ctrl+Z), or “Show the trash” and Restore, bring it back.</source>
        <extracomment>How often the open draft is compared with the store, for changes made in another window. Appended to the title of a copy. The title prints on the (always Latvian) PDF, so Latvian.</extracomment>
        <translation>Pārvietots uz atkritni. To var atgūt ar „Atsaukt” (Ctrl+Z) vai ar „Rādīt atkritni” un „Atjaunot”.</translation>
    </message>
    <message>
        <source>Delete “%1” for good? This cannot be undone.</source>
        <translation>Dzēst „%1” neatgriezeniski? To nevarēs atsaukt.</translation>
    </message>
    <message>
        <source>The signed copy is kept with the draft (signed by %1).</source>
        <translation>Parakstītā kopija glabājas kopā ar melnrakstu (parakstījis %1).</translation>
    </message>
    <message>
        <source>This draft was changed in another window; it is shown as saved there.</source>
        <translation>Šo melnrakstu mainīja citā logā; tas ir parādīts tā, kā tur saglabāts.</translation>
    </message>
    <message>
        <source>The report for %1 was started from the last one. Carried over: the task, the performer, the objectives, the indicators&apos; texts (%2, marked ↻: check each and mark it as checked) with their planned values, the signatory and who prepared it. Still to fill in: what was achieved, the budget amounts, the closing assessment and the date of signing.</source>
        <translation>Kopsavilkums par periodu %1 sākts no iepriekšējā. Pārņemts: uzdevums, veicējs, uzdevumi (mērķi), rādītāju teksti (%2, atzīmēti ar ↻: pārbaudiet katru un atzīmējiet kā pārbaudītu) ar plānotajām vērtībām, parakstītājs un sagatavotājs. Vēl jāaizpilda: kas sasniegts, budžeta summas, noslēguma vērtējums un parakstīšanas datums.</translation>
    </message>
    <message>
        <source>the next period</source>
        <translation>nākamo periodu</translation>
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
        <source>Not shown yet: %1 (F8 shows all)</source>
        <translation>Vēl nav parādītas: %1 (F8 parāda visas)</translation>
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
        <source>The new period no longer includes %1, which holds amounts. Remove this budget year? (Edit → Undo brings it back.)</source>
        <translation>Jaunajā periodā vairs neietilpst %1. gads, kurā ir ierakstītas summas. Noņemt šo budžeta gadu? (Labot → Atsaukt to atgriež.)</translation>
    </message>
    <message>
        <source>The new period no longer includes these years, which hold amounts: %1. Remove these budget years? (Edit → Undo brings them back.)</source>
        <translation>Jaunajā periodā vairs neietilpst šie gadi, kuros ir ierakstītas summas: %1. Noņemt šos budžeta gadus? (Labot → Atsaukt tos atgriež.)</translation>
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
        <source>Add as a new draft</source>
        <translation>Pievienot kā jaunu melnrakstu</translation>
    </message>
    <message>
        <source>The summary of a delegated public administration task.</source>
        <translation>Kopsavilkums par deleģēta valsts pārvaldes uzdevuma izpildi.</translation>
    </message>
    <message>
        <source>No program to open “%1” was found.</source>
        <translation>Netika atrasta programma, ar ko atvērt „%1”.</translation>
    </message>
    <message>
        <source>Both versions have the same content.</source>
        <translation>Abām versijām ir vienāds saturs.</translation>
    </message>
    <message>
        <source>%1 — here: %2; there: %3</source>
        <translation>%1 — šeit: %2; tur: %3</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… un vēl %1</translation>
    </message>
    <message>
        <source>What differs:</source>
        <translation>Kas atšķiras:</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(bez virsraksta)</translation>
    </message>
    <message>
        <source>rows: %1</source>
        <translation>rindu skaits: %1</translation>
    </message>
    <message>
        <source>Check &amp;spelling</source>
        <translation>Pārbaudīt &amp;pareizrakstību</translation>
    </message>
    <message>
        <source>Spelling is not checked: %1</source>
        <translation>Pareizrakstība netiek pārbaudīta: %1</translation>
    </message>
    <message>
        <source>The word could not be added to your dictionary: %1</source>
        <translation>Vārdu nevarēja pievienot jūsu vārdnīcai: %1</translation>
    </message>
    <message>
        <source>(no suggestions)</source>
        <translation>(nav ieteikumu)</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>I&amp;gnorēt</translation>
    </message>
    <message>
        <source>&amp;Add to my dictionary</source>
        <translation>Pievienot &amp;manai vārdnīcai</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Atsaukt</translation>
    </message>
    <message>
        <source>Take the draft back out of the trash (Ctrl+Z)</source>
        <translation>Atgūt melnrakstu no atkritnes (Ctrl+Z)</translation>
    </message>
</context>
</TS>
