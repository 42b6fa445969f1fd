# Waymark's public pages, in English. This file is the source every translation follows: a new message
# here needs the same id in every other locale (a test checks it).
#
# Words: say "you" and "the person", never "victim" on these pages.

## About this locale

language-name = Română
# Set to "yes" when a native speaker has reviewed this locale; until then every page says it is unreviewed.
translation-reviewed = no
translation-note = Această traducere nu a fost încă verificată de un vorbitor nativ.

## Layout

skip-to-content = Treceți la conținutul principal
site-name = Waymark
exit-page = Ieșiți de pe această pagină
exit-advice = Pentru a ieși repede, folosiți „Ieșiți de pe această pagină” sau apăsați de trei ori tasta Shift. Asta nu șterge istoricul de navigare: dacă cineva vă verifică telefonul, folosiți o fereastră privată sau ștergeți apoi acest site din istoric.
language-picker = Limba
nav-main = Principal
nav-home = Început
nav-rights = Drepturile dumneavoastră
nav-support = Sprijin
nav-screening = Verificați o situație îngrijorătoare
nav-help = Cereți ajutor
nav-codename = Citiți răspunsurile
nav-staff = Autentificare pentru personal
error-summary-title = Există o problemă
continue = Continuați
back = Înapoi
answer-yes = Da
answer-no = Nu
optional = (opțional)

## Nations

nation-england_wales = Anglia și Țara Galilor
nation-scotland = Scoția
nation-northern_ireland = Irlanda de Nord
children-services-england_wales = serviciile pentru copii ale consiliului local
children-services-scotland = serviciile de asistență socială pentru copii ale consiliului local
children-services-northern_ireland = serviciile pentru copii ale Health and Social Care Trust (autoritatea locală de sănătate și asistență socială)

## Helplines (the numbers are in the jurisdiction rules; these are their names and when to call)

helplines-heading = Pe cine să sunați în { $nation }
helpline-emergency = Serviciile de urgență
helpline-emergency-when = dacă cineva este în pericol acum
helpline-modern_slavery_helpline = Modern Slavery & Exploitation Helpline (linie telefonică de ajutor: gratuită, 24 de ore din 24, confidențială, cu interpreți)
helpline-modern_slavery_helpline-when = pentru sfaturi oricând, în limba dumneavoastră
helpline-child_trafficking_guardians = Independent Child Trafficking Guardians (tutori independenți pentru copiii traficați)
helpline-child_trafficking_guardians-when = dacă persoana are sau ar putea avea sub 18 ani
helpline-tara = TARA (sprijin pentru femeile care au fost exploatate sexual)
helpline-tara-when = pentru femeile din Scoția
helpline-migrant_help_scotland = Migrant Help Scotland
helpline-migrant_help_scotland-when = sprijin pentru adulții din Scoția
helpline-police_non_emergency = Poliția, pentru situații care nu sunt urgențe
helpline-police_non_emergency-when = doar dacă alegeți să raportați o infracțiune
helpline-crimestoppers = Crimestoppers (anonim)
helpline-crimestoppers-when = pentru a transmite informații fără să vă spuneți numele

## Start page

home-title = Ajutor și siguranță, oricare ar fi situația dumneavoastră
home-lead = Dacă cineva vă controlează munca, banii, actele sau locurile unde puteți merge — sau vă obligă să faceți lucruri pe care nu vreți să le faceți — există ajutor. Este gratuit, este confidențial și nu depinde de statutul dumneavoastră de imigrare.
home-self-heading = Dacă vi se întâmplă asta
home-self-body = Puteți cere chiar dumneavoastră ajutor de la o organizație de sprijin, aici, fără să vă dați numele, numărul de telefon sau adresa de e-mail. Primiți un cod secret ca să citiți răspunsul organizației.
home-self-ask = Cereți ajutor
home-self-codename = Am deja un cod secret
home-other-heading = Dacă vă faceți griji pentru altcineva
home-other-body = Răspundeți la câteva întrebări ca să aflați ce puteți face mai departe și pe cine să sunați. Nimic din ce scrieți nu este salvat.
home-other-check = Verificați o situație îngrijorătoare
home-learn-heading = Aflați care sunt drepturile dumneavoastră
home-learn-rights = Drepturile dumneavoastră: ce spune legea și de ce nu sunteți infractor pentru ce v-au obligat să faceți
home-learn-support = Sprijin: ce ajutor există și cum îl puteți primi
home-danger-heading = Dacă sunteți în pericol acum
home-danger-body = Sunați la 999. Dacă nu puteți vorbi, sunați la 999 de pe un telefon mobil, rămâneți pe linie și apăsați 55 când mesajul înregistrat vă cere. De pe un telefon fix, rămâneți pe linie.

## Your rights

rights-title = Drepturile dumneavoastră
rights-what-heading = Ce înseamnă traficul de persoane și sclavia modernă
rights-what-body = Trafic de persoane și sclavie modernă înseamnă că cineva folosește forța, amenințările, minciunile, datoriile sau situația dumneavoastră grea ca să vă oblige să munciți, să faceți sex pentru bani, să comiteți infracțiuni sau să îi slujiți — și ca să vă împiedice să plecați. I se poate întâmpla oricui, de orice naționalitate, inclusiv cetățenilor britanici. Poate că la început ați acceptat să veniți sau să munciți; tot exploatare este dacă v-au mințit sau dacă nu vă lasă să plecați.
rights-not-criminal-heading = Nu sunteți infractor pentru ce v-au obligat să faceți
rights-defence-england_wales = În Anglia și Țara Galilor, legea (Modern Slavery Act 2015 – Legea privind sclavia modernă, 2015) oferă o apărare în fața instanței unui adult care a comis o infracțiune pentru că a fost obligat ca urmare a exploatării și nu avea nicio altă variantă realistă, precum și unei persoane sub 18 ani a cărei infracțiune a fost o consecință directă a exploatării.
rights-defence-scotland = În Scoția, legea (Human Trafficking and Exploitation (Scotland) Act 2015 – Legea privind traficul de persoane și exploatarea, Scoția, 2015) le cere procurorilor să pornească de la prezumția că o persoană care a fost traficată nu trebuie urmărită penal pentru infracțiunile pe care a fost obligată să le comită.
rights-defence-northern_ireland = În Irlanda de Nord, legea (Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015) oferă o apărare asemănătoare persoanelor care au fost obligate să comită infracțiuni.
rights-defence-limits = Această apărare nu se aplică unor infracțiuni foarte grave. Un avocat vă poate spune cum se aplică legea în cazul dumneavoastră și este posibil să primiți consiliere juridică gratuită.
rights-status-heading = Sprijinul nu depinde de statutul dumneavoastră de imigrare
rights-status-body = Puteți primi sprijin indiferent dacă aveți sau nu acte ori viză și indiferent de naționalitate. Cei care exploatează oameni spun adesea că vă vor aresta sau vă vor expulza dacă cereți ajutor. Acesta este un mod de a vă controla.
rights-police-heading = A cere ajutor nu înseamnă să vorbiți cu poliția sau cu autoritățile de imigrare
rights-police-body = Când cereți ajutor aici, cererea dumneavoastră ajunge doar la organizația de sprijin pe care o alegeți. Waymark nu o trimite poliției, autorităților de imigrare sau altcuiva. Înainte să trimiteți ceva, vedeți ce face organizația respectivă cu informațiile dumneavoastră.
rights-choice = Dumneavoastră decideți ce se întâmplă mai departe. Cazul unui adult este trimis pentru recunoaștere oficială doar cu acordul său.

## Support

support-title = Sprijin și cum îl puteți primi
support-what-heading = Ce ajutor există
support-what-body = Organizațiile neguvernamentale de sprijin vă pot ajuta cu:
support-what-housing = un loc sigur unde să stați
support-what-health = îngrijire medicală, consiliere psihologică și sprijin pentru sănătatea mintală
support-what-legal = consiliere juridică și în probleme de imigrare
support-what-money = bani, mâncare și haine
support-what-interpreter = un interpret
support-how-heading = Cum funcționează
support-how-body = O organizație de sprijin vă poate ajuta imediat. Dacă doriți, vă poate trimite și spre recunoașterea oficială ca persoană care a supraviețuit traficului de persoane sau sclaviei moderne, ceea ce vă dă dreptul la sprijin cât timp se iau deciziile.
support-decisions-heading = Recunoașterea oficială: deciziile
support-decision-rg = Mai întâi, o decizie privind „motivele rezonabile”: există motive să se creadă că ați trecut prin trafic de persoane sau exploatare? Ar trebui luată în cel mult 5 zile lucrătoare de la trimiterea cazului.
support-decision-recovery = Dacă decizia este pozitivă, începe o perioadă de recuperare. În Anglia și Țara Galilor aceasta durează cel puțin 30 de zile, în Scoția sprijinul durează cel puțin 90 de zile, iar în Irlanda de Nord cel puțin 45 de zile. Sprijinul continuă până la decizia finală.
support-decision-cg = Apoi urmează o decizie privind „motivele concludente”, nu mai devreme de 30 de zile după prima decizie.
support-consent = Adulții sunt trimiși doar cu acordul lor. Copiii sunt întotdeauna protejați, iar serviciile pentru copii sunt anunțate.

## Check a concern (screening)

screening-title = Verificați o situație îngrijorătoare
screening-intro = Puteți răspunde pentru dumneavoastră sau pentru cineva pentru care vă faceți griji. Nimic din ce scrieți aici nu este salvat și nu trebuie să dați numele nimănui.
screening-danger = Este cineva în pericol chiar acum?
screening-age = Ce vârstă are persoana (sau dumneavoastră, dacă este vorba despre dumneavoastră)?
age-under_18 = Sub 18 ani
age-adult = 18 ani sau mai mult
age-unsure = Nu știu sigur
screening-signs = Ce se întâmplă?
screening-signs-hint = Bifați tot ce se potrivește. Un singur semn poate fi de ajuns pentru îngrijorare.
screening-nation = În ce parte a Regatului Unit?
screening-submit = Vedeți ce puteți face
screening-error-danger = Spuneți dacă cineva este în pericol chiar acum
screening-error-age = Alegeți o vârstă sau „Nu știu sigur”
screening-error-nation = Alegeți partea Regatului Unit

indicator-abuse_of_vulnerability = Cineva profită de o situație grea (fără acte, fără limba engleză, datorii, vârstă mică)
indicator-deception = I s-au promis un loc de muncă, un salariu, școală sau condiții de viață care s-au dovedit false
indicator-restriction_of_movement = Persoana este ținută încuiată, este însoțită peste tot sau nu are voie să plece
indicator-isolation = Persoana este ținută departe de familie, prieteni, telefon sau comunitate
indicator-physical_sexual_violence = Persoana este lovită, rănită sau obligată să facă sex
indicator-intimidation_threats = Amenințări la adresa persoanei sau a familiei sale (inclusiv blesteme sau vrăji de tip juju)
indicator-retention_of_documents = Altcineva ține pașaportul sau actul de identitate
indicator-withholding_of_wages = Muncește fără plată sau salariul îl păstrează altcineva
indicator-debt_bondage = O datorie (pentru drum, chirie sau mâncare) care nu poate fi plătită niciodată
indicator-abusive_conditions = Condiții de viață sau de muncă umilitoare, periculoase sau cu prea mulți oameni înghesuiți
indicator-excessive_overtime = Muncește zi și noapte, fără nicio zi liberă
indicator-threatened_with_authorities = Persoanei i s-a spus că poliția sau autoritățile de imigrare o vor băga la închisoare sau o vor expulza
indicator-lives_at_workplace = Doarme acolo unde muncește sau angajatorul controlează locuința
indicator-someone_speaks_for_them = Altcineva răspunde în locul persoanei, îi ține telefonul sau vine la fiecare întâlnire
indicator-does_not_know_address = Persoana nu știe adresa unde locuiește sau muncește, ori este mutată des dintr-un loc în altul
indicator-untreated_injuries = Răni, foame sau nicio posibilitate de a merge la medic
indicator-fearful_or_scripted = Persoana este speriată sau retrasă, ori povestea ei pare învățată pe de rost
indicator-forced_criminality = Persoana este obligată să comită infracțiuni (lucru în culturi de canabis, transport de droguri, furt, cerșit)
indicator-forced_sex_work = Persoana este obligată să facă sex pentru bani, iar banii îi ia altcineva

## Screening outcomes

outcome-label = Rezultat
outcome-emergency-title = Cineva este în pericol: sunați acum la 999
outcome-emergency-1 = Sunați acum la 999 și spuneți că cineva este în pericol. Dacă nu puteți vorbi, sunați la 999 de pe un telefon mobil, rămâneți pe linie și apăsați 55 când mesajul înregistrat vă cere. De pe un telefon fix, rămâneți pe linie.
outcome-emergency-2 = Aveți grijă de siguranța dumneavoastră. Nu vă confruntați cu nimeni despre care credeți că exploatează persoana.
outcome-emergency-3 = Când toată lumea este în siguranță, reveniți aici: organizațiile de sprijin pot ajuta și după o urgență.
outcome-child_safeguarding-title = Poate fi vorba de un copil: protejați-l
outcome-child_safeguarding-1 = Un copil nu își poate da acordul să fie exploatat, iar cineva care ar putea avea sub 18 ani trebuie tratat ca un copil.
outcome-child_safeguarding-2 = Anunțați astăzi { $children_services } și spuneți că vă temeți că un copil este exploatat. Pentru asta nu este nevoie de acordul copilului.
outcome-child_safeguarding-3 = Nu încercați să investigați pe cont propriu și nu vă confruntați cu nimeni.
outcome-child_safeguarding-4 = O organizație de sprijin poate ajuta și ea și se va asigura că copilul este în siguranță.
outcome-possible_trafficking-title = Poate fi trafic de persoane sau sclavie modernă
outcome-possible_trafficking-1 = Există ajutor, oricare ar fi statutul de imigrare al persoanei, iar a cere ajutor nu înseamnă a merge la poliție sau la autoritățile de imigrare.
outcome-possible_trafficking-2 = O organizație neguvernamentală de sprijin poate ajuta cu siguranța, locuința, sănătatea și consilierea juridică.
outcome-possible_trafficking-3 = Un adult decide pentru sine: nimeni nu este trimis mai departe fără acordul său.
outcome-no_clear_indicators-title = Deocamdată nimic nu arată clar că ar fi trafic de persoane
outcome-no_clear_indicators-1 = Din aceste răspunsuri, nimic nu arată clar că ar fi trafic de persoane sau sclavie modernă.
outcome-no_clear_indicators-2 = Lucrurile se pot schimba, iar oamenii spun adesea mai mult după ce se simt în siguranță. Puteți verifica din nou oricând.
outcome-no_clear_indicators-3 = Dacă încă vă faceți griji, sunați la Modern Slavery & Exploitation Helpline (linia telefonică de ajutor) pentru sfaturi.
outcome-self = Dacă este vorba despre dumneavoastră: cereți ajutor direct
outcome-helper = Dacă ajutați pe cineva: trimiteți-i cazul mai departe, cu acordul persoanei (cei care ajută au nevoie de un cont)
outcome-again = Verificați din nou
outcome-learn = Aflați semnele și ce să faceți (instruire pentru cei care ajută)

## Ask for help (self-referral)

help-title = Cereți ajutor
help-intro = Răspundeți la câteva întrebări scurte. Nu trebuie să vă dați numele, numărul de telefon sau adresa de e-mail. La final alegeți o organizație de sprijin, vedeți ce face cu informațiile dumneavoastră și primiți un cod secret ca să citiți răspunsul ei.
help-start = Începeți
help-progress = Întrebarea { $step } din { $total }
help-required = Răspundeți la această întrebare ca să continuați
help-nation = În ce parte a Regatului Unit vă aflați?
help-area = În ce zonă de consiliu local vă aflați?
help-area-hint = Alegeți din listă zona consiliului local. Dacă nu o știți, alegeți „Nu sunt sigur”: vă găsim ajutor oricum.
help-area-unsure = Nu sunt sigur
help-area-error = Alegeți zona consiliului din listă sau „Nu sunt sigur”.
help-age = Câți ani aveți?
help-age-unsure = Nu știu sigur
help-needs = Cu ce aveți nevoie de ajutor?
help-needs-hint = Bifați tot ce se potrivește.
help-needs-error = Alegeți cel puțin un lucru cu care aveți nevoie de ajutor
help-urgency = Cât de repede aveți nevoie de ajutor?
urgency-today = Astăzi
urgency-this_week = Săptămâna aceasta
urgency-not_urgent = Nu este urgent
help-language = Ce limbă vreți să folosiți?
help-language-hint = De exemplu albaneză, vietnameză, arabă, tigrina. Se poate aranja un interpret.
help-about = Mai vreți să le spuneți ceva?
help-about-hint = Toate acestea sunt opționale. Scrieți doar ce este sigur pentru dumneavoastră.
help-name = Un nume cu care să vi se adreseze
help-name-hint = Nu trebuie să fie numele dumneavoastră adevărat.
help-contact = O modalitate sigură de a vă contacta
help-contact-hint = Doar dacă este sigur: cineva care v-ar putea verifica telefonul nu trebuie să vadă asta. În schimb, puteți folosi codul secret.
help-limit = Cel mult { $max } de caractere.
help-too-long = Textul are { $count } de caractere: pot fi cel mult { $max }. Vă rugăm să îl scurtați; nimic altceva din ce ați scris nu se pierde.
help-message = Mesajul dumneavoastră
help-org = Alegeți cui să trimiteți cererea
help-org-none = Deocamdată nu este disponibilă nicio organizație de sprijin. Vă rugăm să sunați la linia de ajutor de mai jos.
help-org-policy = Ce face { $org } cu informațiile dumneavoastră:
help-org-area = Lucrează în { $area }
help-consent = Am citit ce face această organizație cu informațiile mele și vreau ca cererea mea să îi fie trimisă
help-consent-error = Bifați căsuța ca să confirmați că vreți să trimiteți cererea
help-org-error = Alegeți o organizație
help-child-note = Pentru că s-ar putea să aveți sub 18 ani, organizația se va asigura și că sunteți în siguranță. Asta include și anunțarea serviciilor pentru copii.
help-send = Trimiteți cererea

need-emergency_accommodation = Un loc sigur unde să dorm la noapte
need-safe_housing = O locuință sigură
need-medical = Îngrijire medicală
need-mental_health = Cineva cu care să vorbesc, sănătate mintală
need-legal_advice = Consiliere juridică
need-immigration_advice = Consiliere privind imigrarea
need-interpreter = Un interpret
need-money_and_food = Bani și mâncare
need-children_and_family = Copiii și familia mea
need-education_and_work = Educație și muncă
need-faith_and_community = Credință și comunitate
need-return_home = Să mă întorc acasă în siguranță

# The data-sharing policy of an organisation that has not written its own (Waymark's default; the English
# is `waymark_app::DEFAULT_DATA_SHARING_POLICY`), and the note above a policy the organisation has not
# given in this language, which is then shown in English.
policy-default = Păstrăm confidențial ceea ce ne spuneți. Datele dumneavoastră sunt păstrate criptat și le pot citi doar persoanele care lucrează pentru sprijinul dumneavoastră. Nu le transmitem poliției, autorităților de imigrare sau altcuiva decât dacă sunteți de acord, cu excepția situațiilor în care cineva este în pericol imediat sau un copil este în pericol. Vă puteți retrage acordul oricând.
help-policy-untranslated = { $org } nu a oferit încă acest text în limba română, așa că este afișat în engleză. Puteți cere organizației să vi-l explice înainte să fiți de acord: cererea dumneavoastră ajunge la această organizație doar dacă bifați căsuța.

## The codename

help-expired-title = Această pagină a expirat
help-expired-body = Pentru siguranța dumneavoastră, ce ați scris este păstrat cel mult o oră și este uitat după ce cererea este trimisă și codul secret salvat, sau când plecați cu „Ieșiți de pe această pagină”. Nimic din ce ați scris nu mai poate fi afișat.
help-start-again = Cereți ajutor din nou
codename-title = Cererea dumneavoastră a fost trimisă
codename-intro = Acesta este codul dumneavoastră secret. Este singurul mod de a citi răspunsurile și nu vi-l vom mai arăta niciodată.
codename-save = Scrieți-l pe hârtie sau învățați-l pe de rost și păstrați-l unde nu îl poate găsi nimeni altcineva. Nu îl salvați într-un loc unde îl poate vedea cel care vă exploatează.
codename-check = Ca să verificați că l-ați păstrat, scrieți grupul cu numărul { $n } din codul secret (cele patru cifre ale lui)
codename-check-error = Acesta nu este grupul cu numărul { $n }. Uitați-vă la codul secret și încercați din nou.
codename-check-submit = Verificați
codename-saved-title = Mulțumim: ați păstrat codul secret
codename-saved-body = Reveniți oricând ca să citiți răspunsurile și să scrieți mesaje. Alegeți „Citiți răspunsurile” și introduceți codul secret.

## Read replies (the codename channel)

channel-title = Citiți răspunsurile
channel-intro = Introduceți codul secret: cifrele pe care le-ați primit (sau cuvintele, dacă ați primit cuvinte).
channel-codename = Codul dumneavoastră secret
channel-open = Deschideți
channel-wrong = Nu s-a găsit nimic cu acest cod secret. Verificați cifrele și încercați din nou.
channel-codename-missing = Scrieți mai întâi codul secret.
channel-limited = Prea multe încercări. Pentru siguranța dumneavoastră, niciun cod secret nu se deschide de pe acest dispozitiv o vreme. Încercați din nou peste { $minutes } min.
channel-status-sent = Cererea dumneavoastră a fost trimisă către { $org }. Încă nu au răspuns.
channel-status-accepted = { $org } a acceptat cererea dumneavoastră. Vă vor contacta aici sau în modul pe care l-ați ales.
channel-status-declined = { $org } nu a putut prelua cererea dumneavoastră. Citiți mesajul lor de mai jos; puteți cere din nou ajutor sau puteți suna la linia de ajutor.
channel-status-answered = { $org } v-a scris mai jos. Nu au spus încă dacă vă pot prelua cererea.
channel-status-withdrawn = Cererea dumneavoastră către { $org } a fost retrasă. Nu se mai împărtășește nimic cu ei.
channel-decline-reason = De ce nu v-au putut prelua cererea
channel-messages = Mesaje
channel-from-you = Dumneavoastră
channel-none = Încă nu există mesaje.
channel-write = Scrieți un mesaj
channel-send = Trimiteți
channel-sent = Mesajul dumneavoastră a fost trimis.
channel-empty = Mai întâi scrieți un mesaj
channel-leave = Închideți (această pagină va uita codul dumneavoastră secret)
erase-heading = Ștergeți informațiile mele
erase-body = Dacă le ștergeți, datele și mesajele dumneavoastră nu vor mai putea fi citite niciodată de nimeni, iar acest cod secret nu va mai funcționa. Ștergerea nu poate fi anulată.
erase-confirm = Da, ștergeți informațiile mele
erase-not-confirmed = Bifați „Da, ștergeți informațiile mele” pentru a le șterge. Nu s-a șters nimic.
erase-done-title = Informațiile dumneavoastră au fost șterse
erase-done-body = Nimeni nu mai poate citi datele sau mesajele dumneavoastră. Dacă aveți din nou nevoie de ajutor, puteți cere oricând.

# Automatic messages to the person in their codename channel.
notice-news = Sunt vești despre trimiterea dumneavoastră către { $body }.
notice-decision-reasonable_grounds_positive = Prima lor decizie este da. Asta înseamnă că puteți primi sprijin și timp să vă odihniți și să vă refaceți. Nu trebuie să faceți nimic acum. Vor lua o decizie finală mai târziu și vă vom spune aici.
notice-decision-reasonable_grounds_positive-until = Prima lor decizie este da. Asta înseamnă că puteți primi sprijin și timp să vă odihniți și să vă refaceți, cel puțin până la { $date }. Nu trebuie să faceți nimic acum. Vor lua o decizie finală mai târziu și vă vom spune aici.
notice-decision-reasonable_grounds_negative = Prima lor decizie este nu. Știm că poate fi greu de auzit. Nu trebuie să fie sfârșitul: ne puteți cere să le cerem să reanalizeze decizia. Spuneți-ne dacă doriți asta sau dacă mai este ceva ce vreți să știe.
notice-decision-conclusive_positive = Decizia lor finală este da. Asta confirmă că ar trebui să aveți protecție și sprijin. Vom vorbi cu dumneavoastră despre sprijinul pe care îl puteți primi de acum înainte.
notice-decision-conclusive_negative = Decizia lor finală este nu. Știm că poate fi greu de auzit. Ne puteți cere să le cerem să reanalizeze decizia. Vom vorbi cu dumneavoastră despre sprijinul pe care îl puteți primi în continuare și despre ce vreți să faceți mai departe.
notice-explain = Vă putem explica ce înseamnă asta și vă putem da scrisoarea. Scrieți-ne aici sau întrebați persoana care se ocupă de sprijinul dumneavoastră.
notice-referred = V-am trimis către { $org }, așa cum am stabilit cu dumneavoastră. Am împărtășit doar: { $shared }. Nimic altceva nu a fost împărtășit. { $org } va decide dacă vă poate ajuta și vă vom spune aici. Ne puteți cere oricând să nu mai împărtășim nimic.
notice-shared-identity = cine sunteți (nume, data nașterii sau vârsta, cetățenia, limbile)
notice-shared-contact = cum puteți fi contactat în siguranță
notice-shared-needs = de ce aveți nevoie
notice-shared-history = ce vi s-a întâmplat
notice-shared-documents = documentele dumneavoastră
date-long = { $day } { $month } { $year }
month-1 = ianuarie
month-2 = februarie
month-3 = martie
month-4 = aprilie
month-5 = mai
month-6 = iunie
month-7 = iulie
month-8 = august
month-9 = septembrie
month-10 = octombrie
month-11 = noiembrie
month-12 = decembrie

# The footer and the privacy notice (issue 13).
nav-privacy = Confidențialitate
footer-operator = Acest serviciu este administrat de { $operator }.
footer-operator-unnamed = Organizația care administrează acest serviciu nu și-a dat încă numele aici.
footer-contact = Date de contact
privacy-title = Confidențialitatea dumneavoastră
privacy-who-heading = Cine administrează acest serviciu
privacy-who-unnamed = Organizația care administrează acest serviciu nu și-a dat încă numele și datele de contact aici. Întrebați persoana care v-a dat această adresă înainte de a împărtăși ceva.
privacy-what-heading = Ce se păstrează
privacy-what-body = Când cereți ajutor, organizația pe care o alegeți primește ce îi spuneți: de ce aveți nevoie, unde sunteți și cât de urgent este, grupa de vârstă și limba dumneavoastră și, doar dacă le dați, numele, o modalitate sigură de a vă contacta și mesajul dumneavoastră. Dacă vă sprijină, păstrează o evidență a acestui sprijin: note, un plan și documente pe care acceptați să le dați. Tot ce v-ar putea identifica este criptat, cu o cheie doar a dumneavoastră. Codul secret nu este păstrat niciodată, doar o formă amestecată a lui, care nu poate fi transformată înapoi în cuvinte sau cifre.
privacy-who-sees-heading = Cine le poate vedea
privacy-who-sees-body = Doar organizația pe care o alegeți și doar persoanele de acolo care lucrează cu dumneavoastră. Vă împărtășește informațiile cu o altă organizație, sau cu un organism care decide dacă sunteți o persoană supraviețuitoare a traficului, doar dacă sunteți de acord, și vă puteți răzgândi. De fiecare dată când cineva vă deschide informațiile, acest lucru este înregistrat. Waymark nu are nicio legătură cu poliția, Ministerul de Interne (Home Office) sau autoritățile de imigrație și nu le trimite nimic. Nimic nu este trimis altei companii: fără reclame, fără urmărire.
privacy-how-long-heading = Cât timp se păstrează
privacy-how-long-body = Cât timp sunteți sprijinit(ă), și apoi atât cât fiecare organizație păstrează un caz închis, mai jos. După aceea se șterg automat. Rămân doar cifre care nu numesc pe nimeni, ca serviciile să vadă ce ajută.
privacy-erase-heading = Cum le ștergeți
privacy-erase-body = Cu codul secret, deschideți „Citiți răspunsurile” și alegeți „Ștergeți informațiile mele”. Se șterg imediat, peste tot unde au fost trimise, și nimeni nu le mai poate citi. Puteți cere acest lucru și organizației sau contactului de mai sus.
privacy-cookies = Aceste pagini nu setează niciun cookie și nu păstrează nicio evidență a vizitei dumneavoastră.
privacy-keep-years = { $n } ani după închiderea cazului
privacy-keep-one-year = 1 an după închiderea cazului
privacy-keep-months = { $n } luni după închiderea cazului
privacy-keep-days = { $n } zile după închiderea cazului
privacy-none = Nicio organizație nu primește încă cereri de ajutor aici.
