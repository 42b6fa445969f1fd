# Waymark's public pages, in English. This file is the source every translation follows: a new message
# here needs the same id in every other locale (a test checks it).
#
# Words: say "you" and "the person", never "victim" on these pages.

## About this locale

language-name = Shqip
# Set to "yes" when a native speaker has reviewed this locale; until then every page says it is unreviewed.
translation-reviewed = no
translation-note = Ky përkthim nuk është kontrolluar ende nga një folës amtar i shqipes.

## Layout

skip-to-content = Kalo te përmbajtja kryesore
site-name = Waymark
exit-page = Dil nga kjo faqe
exit-advice = Për të dalë shpejt, përdorni “Dil nga kjo faqe” ose shtypni tri herë tastin Shift. Kjo nuk e fshin historikun e shfletimit: nëse dikush jua kontrollon telefonin, përdorni një dritare private, ose fshijeni më pas këtë faqe nga historiku.
language-picker = Gjuha
nav-main = Kryesore
nav-home = Fillimi
nav-rights = Të drejtat tuaja
nav-support = Mbështetja
nav-screening = Kontrollo një shqetësim
nav-help = Kërko ndihmë
nav-codename = Lexo përgjigjet
nav-staff = Hyrja për stafin
error-summary-title = Ka një problem
continue = Vazhdo
back = Kthehu
answer-yes = Po
answer-no = Jo
optional = (nuk është e detyrueshme)

## Nations

nation-england_wales = Anglia dhe Uellsi
nation-scotland = Skocia
nation-northern_ireland = Irlanda e Veriut
children-services-england_wales = shërbimet e këshillit vendor për fëmijët
children-services-scotland = shërbimet sociale të këshillit vendor për fëmijët
children-services-northern_ireland = shërbimet për fëmijët pranë Health and Social Care Trust (enti vendor i shëndetësisë dhe kujdesit social)

## Helplines (the numbers are in the jurisdiction rules; these are their names and when to call)

helplines-heading = Kë të telefononi: { $nation }
helpline-emergency = Shërbimet e urgjencës
helpline-emergency-when = nëse dikush është në rrezik tani
helpline-modern_slavery_helpline = Modern Slavery & Exploitation Helpline (linjë telefonike ndihme: falas, 24 orë në ditë, konfidenciale, me përkthyes)
helpline-modern_slavery_helpline-when = për këshilla në çdo kohë, në gjuhën tuaj
helpline-child_trafficking_guardians = Independent Child Trafficking Guardians (kujdestarë të pavarur për fëmijët e trafikuar)
helpline-child_trafficking_guardians-when = nëse personi është ose mund të jetë nën 18 vjeç
helpline-tara = TARA (mbështetje për gratë që janë shfrytëzuar seksualisht)
helpline-tara-when = për gratë në Skoci
helpline-migrant_help_scotland = Migrant Help Scotland
helpline-migrant_help_scotland-when = mbështetje për të rriturit në Skoci
helpline-police_non_emergency = Policia, kur nuk është urgjencë
helpline-police_non_emergency-when = vetëm nëse zgjidhni të denonconi një krim
helpline-crimestoppers = Crimestoppers (pa e thënë emrin)
helpline-crimestoppers-when = për të dhënë informacion pa e thënë emrin tuaj

## Start page

home-title = Ndihmë dhe siguri, në çfarëdo situate që të jeni
home-lead = Nëse dikush kontrollon punën tuaj, paratë tuaja, dokumentet tuaja ose se ku mund të shkoni — ose ju detyron të bëni gjëra që nuk doni t’i bëni — ka ndihmë për ju. Është falas, është konfidenciale dhe nuk varet nga statusi juaj i imigracionit.
home-self-heading = Nëse kjo po ju ndodh juve
home-self-body = Mund t’i kërkoni vetë ndihmë një organizate mbështetëse, këtu, pa dhënë emrin, numrin e telefonit ose email-in tuaj. Do të merrni një kod sekret për të lexuar përgjigjen e saj.
home-self-ask = Kërko ndihmë
home-self-codename = Kam tashmë një kod sekret
home-other-heading = Nëse jeni të shqetësuar për dikë tjetër
home-other-body = Përgjigjuni disa pyetjeve për të kuptuar çfarë të bëni më pas dhe kë të telefononi. Asgjë nga ato që shkruani nuk ruhet.
home-other-check = Kontrollo një shqetësim
home-learn-heading = Njihni të drejtat tuaja
home-learn-rights = Të drejtat tuaja: çfarë thotë ligji dhe pse nuk jeni kriminel për atë që ju detyruan të bënit
home-learn-support = Mbështetja: çfarë ndihme ekziston dhe si ta merrni
home-danger-heading = Nëse jeni në rrezik tani
home-danger-body = Telefononi 999. Nëse nuk mund të flisni, telefononi 999 nga një celular, qëndroni në linjë dhe shtypni 55 kur mesazhi i regjistruar jua kërkon. Nga një telefon fiks, qëndroni në linjë.

## Your rights

rights-title = Të drejtat tuaja
rights-what-heading = Çfarë janë trafikimi i njerëzve dhe skllavëria moderne
rights-what-body = Trafikimi i njerëzve dhe skllavëria moderne do të thotë që dikush përdor forcën, kërcënimet, gënjeshtrat, borxhin ose situatën tuaj të vështirë për t’ju detyruar të punoni, të shisni seks, të kryeni krime ose t’u shërbeni atyre — dhe për t’ju penguar të largoheni. Mund t’i ndodhë kujtdo, nga çdo vend, edhe shtetasve britanikë. Ndoshta në fillim keni pranuar të vini ose të punoni; prapëseprapë është shfrytëzim nëse ju kanë gënjyer ose nëse nuk ju lënë të largoheni lirisht.
rights-not-criminal-heading = Nuk jeni kriminel për atë që ju detyruan të bënit
rights-defence-england_wales = Në Angli dhe Uells, ligji (Modern Slavery Act 2015 – Ligji për Skllavërinë Moderne, 2015) u jep mbrojtje ligjore në gjykatë: një të rrituri që ka kryer një krim sepse u detyrua nga shfrytëzimi dhe nuk kishte asnjë zgjidhje tjetër realiste; dhe një personi nën 18 vjeç, kur krimi ishte pasojë e drejtpërdrejtë e shfrytëzimit të tij.
rights-defence-scotland = Në Skoci, ligji (Human Trafficking and Exploitation (Scotland) Act 2015 – Ligji për Trafikimin e Njerëzve dhe Shfrytëzimin, Skoci, 2015) u kërkon prokurorëve të nisen nga supozimi se një person që është trafikuar nuk duhet të ndiqet penalisht për krimet që u detyrua të kryente.
rights-defence-northern_ireland = Në Irlandën e Veriut, ligji (Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015) u jep një mbrojtje ligjore të ngjashme personave që u detyruan të kryenin krime.
rights-defence-limits = Kjo mbrojtje ligjore nuk vlen për disa krime shumë të rënda. Një avokat mund t’ju shpjegojë si zbatohet ligji në rastin tuaj, dhe ndoshta mund të merrni këshilla ligjore falas.
rights-status-heading = Mbështetja nuk varet nga statusi juaj i imigracionit
rights-status-body = Mund të merrni mbështetje, pavarësisht nëse keni apo jo dokumente ose vizë, dhe pavarësisht nga kombësia juaj. Ata që shfrytëzojnë njerëzit shpesh thonë se do t’ju arrestojnë ose do t’ju dëbojnë nëse kërkoni ndihmë. Kjo është një mënyrë për t’ju kontrolluar.
rights-police-heading = Të kërkosh ndihmë nuk do të thotë të flasësh me policinë ose me imigracionin
rights-police-body = Kur kërkoni ndihmë këtu, kërkesa juaj shkon vetëm te organizata mbështetëse që zgjidhni ju. Waymark nuk ua dërgon atë policisë, imigracionit apo kujtdo tjetër. Para se të dërgoni diçka, do të shihni çfarë bën ajo organizatë me të dhënat tuaja.
rights-choice = Ju vendosni çfarë ndodh më pas. Një i rritur referohet për njohje zyrtare vetëm me pëlqimin e vet.

## Support

support-title = Mbështetja dhe si ta merrni
support-what-heading = Çfarë ndihme ekziston
support-what-body = Organizatat joqeveritare që ofrojnë mbështetje mund t’ju ndihmojnë me:
support-what-housing = një vend të sigurt për të qëndruar
support-what-health = kujdes mjekësor, këshillim psikologjik dhe mbështetje për shëndetin mendor
support-what-legal = këshilla ligjore dhe për imigracionin
support-what-money = para, ushqim dhe rroba
support-what-interpreter = një përkthyes
support-how-heading = Si funksionon
support-how-body = Një organizatë mbështetëse mund t’ju ndihmojë menjëherë. Nëse doni, ajo mund t’ju referojë edhe për njohje zyrtare si person që i ka mbijetuar trafikimit ose skllavërisë moderne, gjë që ju jep të drejtën për mbështetje ndërkohë që merren vendimet.
support-decisions-heading = Njohja zyrtare: vendimet
support-decision-rg = Fillimisht, një vendim për “arsye të bazuara”: a ka arsye për të besuar se jeni trafikuar ose shfrytëzuar? Ky vendim duhet të merret brenda 5 ditëve pune nga referimi.
support-decision-recovery = Nëse vendimi është pozitiv, fillon një periudhë rimëkëmbjeje. Në Angli dhe Uells ajo zgjat të paktën 30 ditë, në Skoci mbështetja zgjat të paktën 90 ditë dhe në Irlandën e Veriut të paktën 45 ditë. Mbështetja vazhdon deri në vendimin përfundimtar.
support-decision-cg = Pastaj vjen një vendim për “arsye përfundimtare”, jo më herët se 30 ditë pas vendimit të parë.
support-consent = Të rriturit referohen vetëm me pëlqimin e tyre. Fëmijët mbrohen gjithmonë dhe njoftohen shërbimet për fëmijët.

## Check a concern (screening)

screening-title = Kontrollo një shqetësim
screening-intro = Mund të përgjigjeni për veten ose për dikë për të cilin jeni të shqetësuar. Asgjë nga ato që shkruani këtu nuk ruhet dhe nuk keni nevojë të jepni emrin e askujt.
screening-danger = A është dikush në rrezik tani?
screening-age = Sa vjeç është personi (ose ju, nëse bëhet fjalë për ju)?
age-under_18 = Nën 18 vjeç
age-adult = 18 vjeç ose më shumë
age-unsure = Nuk e di
screening-signs = Çfarë po ndodh?
screening-signs-hint = Shënoni të gjitha ato që vlejnë. Mjafton edhe një shenjë e vetme për t’u shqetësuar.
screening-nation = Ku në Mbretërinë e Bashkuar?
screening-submit = Shiko çfarë duhet bërë
screening-error-danger = Thoni nëse dikush është në rrezik tani
screening-error-age = Zgjidhni një moshë, ose “Nuk e di”
screening-error-nation = Zgjidhni ku në Mbretërinë e Bashkuar

indicator-abuse_of_vulnerability = Dikush përfiton nga një situatë e vështirë (pa dokumente, pa anglisht, borxhe, moshë e re)
indicator-deception = Iu premtuan një punë, një pagë, shkollë ose kushte jetese që dolën të rreme
indicator-restriction_of_movement = E mbajnë të mbyllur, e shoqërojnë kudo ose nuk e lënë të largohet
indicator-isolation = E mbajnë larg familjes, miqve, telefonit ose komunitetit
indicator-physical_sexual_violence = E rrahin, e lëndojnë ose e detyrojnë të bëjë seks
indicator-intimidation_threats = Kërcënime ndaj personit ose familjes (përfshirë mallkime ose magji “juju”)
indicator-retention_of_documents = Pasaportën ose letërnjoftimin i mban dikush tjetër
indicator-withholding_of_wages = Punon pa pagesë, ose pagën e mban dikush tjetër
indicator-debt_bondage = Një borxh (për udhëtimin, qiranë ose ushqimin) që nuk mund të shlyhet kurrë
indicator-abusive_conditions = Kushte jetese ose pune poshtëruese, të rrezikshme ose me shumë njerëz të ngjeshur bashkë
indicator-excessive_overtime = Punon ditë e natë, pa asnjë ditë pushimi
indicator-threatened_with_authorities = I kanë thënë se policia ose imigracioni do ta burgosin ose do ta dëbojnë
indicator-lives_at_workplace = Fle aty ku punon, ose punëdhënësi kontrollon banesën
indicator-someone_speaks_for_them = Dikush tjetër përgjigjet në vend të personit, ia mban telefonin ose vjen në çdo takim
indicator-does_not_know_address = Nuk e di adresën ku jeton ose punon, ose e zhvendosin shpesh
indicator-untreated_injuries = Plagë, uri, ose asnjë mundësi për të parë një mjek
indicator-fearful_or_scripted = Ka frikë ose është i mbyllur në vetvete, ose tregon një histori që duket e mësuar përmendsh
indicator-forced_criminality = E detyrojnë të kryejë krime (punë në ferma kanabisi, transport droge, vjedhje, lypje)
indicator-forced_sex_work = E detyrojnë të shesë seks, ndërsa paratë i merr dikush tjetër

## Screening outcomes

outcome-label = Rezultati
outcome-emergency-title = Dikush është në rrezik: telefononi 999 tani
outcome-emergency-1 = Telefononi 999 tani dhe thoni se dikush është në rrezik. Nëse nuk mund të flisni, telefononi 999 nga një celular, qëndroni në linjë dhe shtypni 55 kur mesazhi i regjistruar jua kërkon. Nga një telefon fiks, qëndroni në linjë.
outcome-emergency-2 = Kujdesuni për sigurinë tuaj. Mos u përballni me askënd që mendoni se po e shfrytëzon personin.
outcome-emergency-3 = Kur të gjithë të jenë të sigurt, kthehuni këtu: organizatat mbështetëse mund të ndihmojnë edhe pas një urgjence.
outcome-child_safeguarding-title = Mund të bëhet fjalë për një fëmijë: kujdesuni që të jetë i sigurt
outcome-child_safeguarding-1 = Një fëmijë nuk mund të japë pëlqimin për t’u shfrytëzuar, dhe dikush që mund të jetë nën 18 vjeç duhet trajtuar si fëmijë.
outcome-child_safeguarding-2 = Njoftoni sot { $children_services } dhe thoni se keni frikë se një fëmijë po shfrytëzohet. Për këtë nuk nevojitet pëlqimi i fëmijës.
outcome-child_safeguarding-3 = Mos u përpiqni të hetoni vetë ose të përballeni me askënd.
outcome-child_safeguarding-4 = Edhe një organizatë mbështetëse mund të ndihmojë dhe do të sigurohet që fëmija të jetë i sigurt.
outcome-possible_trafficking-title = Mund të jetë trafikim ose skllavëri moderne
outcome-possible_trafficking-1 = Ndihma ekziston, cilido qoftë statusi i imigracionit të personit, dhe të kërkosh ndihmë nuk do të thotë të shkosh te policia ose te imigracioni.
outcome-possible_trafficking-2 = Një organizatë joqeveritare mbështetëse mund të ndihmojë me sigurinë, strehimin, shëndetin dhe këshillat ligjore.
outcome-possible_trafficking-3 = Një i rritur vendos vetë: askush nuk referohet pa pëlqimin e vet.
outcome-no_clear_indicators-title = Ende asgjë nuk tregon qartë trafikim
outcome-no_clear_indicators-1 = Nga këto përgjigje, asgjë nuk tregon qartë trafikim ose skllavëri moderne.
outcome-no_clear_indicators-2 = Gjërat mund të ndryshojnë, dhe njerëzit shpesh tregojnë më shumë kur ndihen të sigurt. Mund të kontrolloni përsëri në çdo kohë.
outcome-no_clear_indicators-3 = Nëse jeni ende të shqetësuar, telefononi Modern Slavery & Exploitation Helpline (linjën telefonike të ndihmës) për këshilla.
outcome-self = Nëse bëhet fjalë për ju: kërkoni vetë ndihmë
outcome-helper = Nëse po ndihmoni dikë: referojeni, me pëlqimin e personit (ndihmësve u duhet një llogari)
outcome-again = Kontrollo përsëri
outcome-learn = Mësoni shenjat dhe çfarë të bëni (trajnim për ndihmësit)

## Ask for help (self-referral)

help-title = Kërko ndihmë
help-intro = Përgjigjuni disa pyetjeve të shkurtra. Nuk keni nevojë të jepni emrin, numrin e telefonit ose email-in tuaj. Në fund zgjidhni një organizatë mbështetëse, shihni çfarë bën ajo me të dhënat tuaja dhe merrni një kod sekret për të lexuar përgjigjen e saj.
help-start = Fillo
help-progress = Pyetja { $step } nga { $total }
help-required = Përgjigjuni kësaj pyetjeje për të vazhduar
help-nation = Ku ndodheni në Mbretërinë e Bashkuar?
help-area = Në cilën zonë të këshillit vendor ndodheni?
help-area-hint = Zgjidhni nga lista zonën e këshillit tuaj vendor. Nëse nuk e dini, zgjidhni „Nuk jam i sigurt”: do t’ju gjejmë ndihmë gjithsesi.
help-area-unsure = Nuk jam i sigurt
help-area-error = Zgjidhni zonën e këshillit nga lista, ose „Nuk jam i sigurt”.
help-age = Sa vjeç jeni?
help-age-unsure = Nuk e di me siguri
help-needs = Për çfarë ju duhet ndihmë?
help-needs-hint = Shënoni të gjitha ato që vlejnë.
help-needs-error = Zgjidhni të paktën një gjë për të cilën ju duhet ndihmë
help-urgency = Sa shpejt ju duhet ndihma?
urgency-today = Sot
urgency-this_week = Këtë javë
urgency-not_urgent = Nuk është urgjente
help-language = Cilën gjuhë doni të përdorni?
help-language-hint = Për shembull shqip, vietnamisht, arabisht, tigrinjisht. Mund të sigurohet një përkthyes.
help-about = Doni t’u tregoni diçka tjetër?
help-about-hint = Asnjë nga këto nuk është e detyrueshme. Shkruani vetëm atë që është e sigurt për ju.
help-name = Një emër me të cilin mund t’ju thërrasin
help-name-hint = Nuk është e nevojshme të jetë emri juaj i vërtetë.
help-contact = Një mënyrë e sigurt për t’ju kontaktuar
help-contact-hint = Vetëm nëse është e sigurt: dikush që mund t’jua kontrollojë telefonin nuk duhet ta shohë. Në vend të kësaj, mund të përdorni kodin tuaj sekret.
help-limit = Deri në { $max } shenja.
help-too-long = Këtu ka { $count } shenja: mund të jenë më së shumti { $max }. Ju lutemi shkurtojeni; asgjë tjetër që shkruat nuk humbet.
help-message = Mesazhi juaj
help-org = Zgjidhni kujt t’ia dërgoni kërkesën
help-org-none = Ende nuk ka asnjë organizatë mbështetëse në dispozicion. Ju lutemi telefononi linjën e ndihmës më poshtë.
help-org-policy = Si i trajton { $org } të dhënat tuaja:
help-org-area = Punon në { $area }
help-consent = E kam lexuar si i trajton kjo organizatë të dhënat e mia dhe dua që kërkesa ime t’i dërgohet asaj
help-consent-error = Shënoni kutinë për të konfirmuar që doni ta dërgoni kërkesën
help-org-error = Zgjidhni një organizatë
help-child-note = Meqë mund të jeni nën 18 vjeç, organizata do të sigurohet gjithashtu që të jeni të sigurt. Kjo përfshin njoftimin e shërbimeve për fëmijët.
help-send = Dërgo kërkesën time

need-emergency_accommodation = Një vend i sigurt për të fjetur sonte
need-safe_housing = Strehim i sigurt
need-medical = Kujdes mjekësor
need-mental_health = Dikush me të cilin të flas, shëndeti mendor
need-legal_advice = Këshilla ligjore
need-immigration_advice = Këshilla për imigracionin
need-interpreter = Një përkthyes
need-money_and_food = Para dhe ushqim
need-children_and_family = Fëmijët dhe familja ime
need-education_and_work = Shkollim dhe punë
need-faith_and_community = Besimi dhe komuniteti
need-return_home = Kthim i sigurt në shtëpi

# The data-sharing policy of an organisation that has not written its own (Waymark's default; the English
# is `waymark_app::DEFAULT_DATA_SHARING_POLICY`), and the note above a policy the organisation has not
# given in this language, which is then shown in English.
policy-default = Ato që na tregoni i mbajmë konfidenciale. Të dhënat tuaja ruhen të enkriptuara dhe mund t’i lexojnë vetëm personat që punojnë për mbështetjen tuaj. Nuk ua japim policisë, shërbimeve të imigracionit apo kujtdo tjetër pa pëlqimin tuaj, përveçse kur dikush është në rrezik të menjëhershëm ose kur një fëmijë është në rrezik. Pëlqimin mund ta tërhiqni në çdo kohë.
help-policy-untranslated = { $org } nuk e ka dhënë ende këtë tekst në shqip, prandaj shfaqet në anglisht. Mund t’i kërkoni organizatës t’jua shpjegojë para se të jepni pëlqimin: kërkesa juaj i dërgohet asaj vetëm nëse shënoni kutinë.

## The codename

help-expired-title = Kjo faqe ka skaduar
help-expired-body = Për sigurinë tuaj, ajo që keni shkruar ruhet për një orë më së shumti dhe harrohet sapo kërkesa juaj të dërgohet dhe kodi sekret të ruhet, ose kur dilni me “Dil nga kjo faqe”. Asgjë prej saj nuk mund të shfaqet më.
help-start-again = Kërkoni ndihmë përsëri
codename-title = Kërkesa juaj u dërgua
codename-intro = Ky është kodi juaj sekret. Është e vetmja mënyrë për të lexuar përgjigjet, dhe nuk do t’jua tregojmë më kurrë.
codename-save = Shkruajeni ose mësojeni përmendsh, dhe mbajeni aty ku nuk mund ta gjejë askush tjetër. Mos e ruani në një vend ku mund ta shohë ai që ju shfrytëzon.
codename-check = Për të kontrolluar që e keni ruajtur, shkruani grupin numër { $n } të kodit tuaj sekret (katër shifrat e tij)
codename-check-error = Ky nuk është grupi numër { $n }. Shikoni kodin tuaj sekret dhe provoni përsëri.
codename-check-submit = Kontrollo
codename-saved-title = Faleminderit: e keni ruajtur kodin tuaj sekret
codename-saved-body = Kthehuni kur të doni për të lexuar përgjigjet dhe për të shkruar mesazhe. Zgjidhni “Lexo përgjigjet” dhe shkruani kodin tuaj sekret.

## Read replies (the codename channel)

channel-title = Lexo përgjigjet
channel-intro = Shkruani kodin tuaj sekret: numrat që morët (ose fjalët, nëse morët fjalë).
channel-codename = Kodi juaj sekret
channel-open = Hap
channel-wrong = Nuk u gjet asgjë me këtë kod sekret. Kontrolloni numrat dhe provoni përsëri.
channel-codename-missing = Shkruani fillimisht kodin tuaj sekret.
channel-limited = Shumë përpjekje. Për sigurinë tuaj, asnjë kod sekret nuk hapet nga kjo pajisje për pak kohë. Provoni përsëri pas { $minutes } min.
channel-status-sent = Kërkesa juaj iu dërgua organizatës { $org }. Ende nuk janë përgjigjur.
channel-status-accepted = { $org } e pranoi kërkesën tuaj. Do t’ju kontaktojnë, këtu ose në mënyrën që zgjodhët.
channel-status-declined = { $org } nuk mundi ta pranojë kërkesën tuaj. Lexoni mesazhin e tyre më poshtë; mund të kërkoni përsëri ndihmë, ose të telefononi linjën e ndihmës.
channel-status-answered = { $org } ju ka shkruar më poshtë. Ende nuk kanë thënë nëse mund ta pranojnë kërkesën tuaj.
channel-status-withdrawn = Kërkesa juaj për { $org } u tërhoq. Asgjë më shumë nuk ndahet me ta.
channel-decline-reason = Pse nuk mundën ta pranonin kërkesën tuaj
channel-messages = Mesazhet
channel-from-you = Ju
channel-none = Ende nuk ka mesazhe.
channel-write = Shkruani një mesazh
channel-send = Dërgo
channel-sent = Mesazhi juaj u dërgua.
channel-empty = Shkruani fillimisht një mesazh
channel-leave = Mbyll (kjo faqe do ta harrojë kodin tuaj sekret)
erase-heading = Fshi të dhënat e mia
erase-body = Nëse i fshini, askush nuk do të mund t’i lexojë më kurrë të dhënat dhe mesazhet tuaja, dhe ky kod sekret nuk do të funksionojë më. Ky veprim nuk mund të zhbëhet.
erase-confirm = Po, fshi të dhënat e mia
erase-not-confirmed = Shënoni “Po, fshi të dhënat e mia” për ta fshirë. Asgjë nuk u fshi.
erase-done-title = Të dhënat tuaja u fshinë
erase-done-body = Askush nuk mund t’i lexojë më të dhënat ose mesazhet tuaja. Nëse ju duhet përsëri ndihmë, mund ta kërkoni përsëri në çdo kohë.

# Automatic messages to the person in their codename channel.
notice-news = Ka lajme për referimin tuaj te { $body }.
notice-decision-reasonable_grounds_positive = Vendimi i tyre i parë është po. Kjo do të thotë që mund të keni mbështetje dhe kohë për të pushuar dhe për t'u rikuperuar. Nuk keni nevojë të bëni asgjë tani. Ata do të marrin një vendim përfundimtar më vonë dhe ne do t'ju njoftojmë këtu.
notice-decision-reasonable_grounds_positive-until = Vendimi i tyre i parë është po. Kjo do të thotë që mund të keni mbështetje dhe kohë për të pushuar dhe për t'u rikuperuar, të paktën deri më { $date }. Nuk keni nevojë të bëni asgjë tani. Ata do të marrin një vendim përfundimtar më vonë dhe ne do t'ju njoftojmë këtu.
notice-decision-reasonable_grounds_negative = Vendimi i tyre i parë është jo. E dimë që kjo mund të jetë e vështirë për t'u dëgjuar. Nuk është domosdoshmërisht fundi: mund të na kërkoni t'u kërkojmë atyre ta shqyrtojnë sërish vendimin. Na tregoni nëse e dëshironi këtë, ose nëse ka diçka tjetër që doni ta dinë.
notice-decision-conclusive_positive = Vendimi i tyre përfundimtar është po. Kjo konfirmon që duhet të keni mbrojtje dhe mbështetje. Do të flasim me ju për mbështetjen që mund të keni më tej.
notice-decision-conclusive_negative = Vendimi i tyre përfundimtar është jo. E dimë që kjo mund të jetë e vështirë për t'u dëgjuar. Mund të na kërkoni t'u kërkojmë atyre ta shqyrtojnë sërish vendimin. Do të flasim me ju për mbështetjen që mund të keni ende dhe për atë që doni të bëni më tej.
notice-explain = Mund t'ju shpjegojmë çfarë do të thotë kjo dhe t'ju japim letrën. Na shkruani këtu, ose pyesni punonjësin që ju ndihmon.
notice-referred = Ju kemi referuar te { $org }, siç u morëm vesh me ju. Ndamë vetëm: { $shared }. Asgjë tjetër nuk u nda. { $org } do të vendosë nëse mund t'ju ndihmojë dhe ne do t'ju njoftojmë këtu. Mund të na kërkoni të mos ndajmë më asgjë, në çdo kohë.
notice-shared-identity = kush jeni (emrat, data e lindjes ose mosha, shtetësia, gjuhët)
notice-shared-contact = si të kontaktoheni në mënyrë të sigurt
notice-shared-needs = çfarë ju nevojitet
notice-shared-history = çfarë ju ka ndodhur
notice-shared-documents = dokumentet tuaja
date-long = { $day } { $month } { $year }
month-1 = janar
month-2 = shkurt
month-3 = mars
month-4 = prill
month-5 = maj
month-6 = qershor
month-7 = korrik
month-8 = gusht
month-9 = shtator
month-10 = tetor
month-11 = nëntor
month-12 = dhjetor

# The footer and the privacy notice (issue 13).
nav-privacy = Privatësia
footer-operator = Ky shërbim drejtohet nga { $operator }.
footer-operator-unnamed = Organizata që e drejton këtë shërbim nuk e ka dhënë ende emrin e saj këtu.
footer-contact = Kontakt
privacy-title = Privatësia juaj
privacy-who-heading = Kush e drejton këtë shërbim
privacy-who-unnamed = Organizata që e drejton këtë shërbim nuk e ka dhënë ende emrin dhe kontaktin e saj këtu. Pyesni atë që ju dha këtë adresë para se të ndani diçka.
privacy-what-heading = Çfarë ruhet
privacy-what-body = Kur kërkoni ndihmë, organizata që zgjidhni merr atë që i thoni: çfarë ju nevojitet, ku jeni dhe sa urgjente është, grupmoshën dhe gjuhën tuaj, dhe, vetëm nëse i jepni, emrin tuaj, një mënyrë të sigurt për t'ju kontaktuar dhe mesazhin tuaj. Nëse ju mbështet, ajo mban një regjistër të kësaj mbështetjeje: shënime, një plan dhe dokumente që pranoni t'i jepni. Çdo gjë që mund t'ju identifikojë është e enkriptuar, me një çelës vetëm për ju. Kodi juaj sekret nuk ruhet kurrë, vetëm një formë e ngatërruar e tij që nuk mund të kthehet në fjalë apo numra.
privacy-who-sees-heading = Kush mund ta shohë
privacy-who-sees-body = Vetëm organizata që zgjidhni, dhe vetëm njerëzit atje që punojnë me ju. Ajo i ndan të dhënat tuaja me një organizatë tjetër, ose me një organ që vendos nëse jeni i mbijetuar i trafikimit, vetëm nëse ju pranoni, dhe mund të ndryshoni mendje. Sa herë që dikush hap të dhënat tuaja, kjo regjistrohet. Waymark nuk ka asnjë lidhje me policinë, Ministrinë e Brendshme (Home Office) apo zbatimin e ligjit për emigracionin, dhe nuk u dërgon asgjë. Asgjë nuk i dërgohet ndonjë kompanie tjetër: pa reklama, pa gjurmim.
privacy-how-long-heading = Sa kohë ruhet
privacy-how-long-body = Për sa kohë që mbështeteni, dhe pastaj për aq kohë sa çdo organizatë mban një rast të mbyllur, më poshtë. Pas kësaj fshihet automatikisht. Mbeten vetëm numra që nuk emërtojnë askënd, që shërbimet të shohin çfarë ndihmon.
privacy-erase-heading = Si ta fshini
privacy-erase-body = Me kodin tuaj sekret, hapni “Lexo përgjigjet” dhe zgjidhni “Fshi të dhënat e mia”. Fshihen menjëherë, kudo ku janë dërguar, dhe askush nuk mund t'i lexojë më. Mund të pyesni edhe organizatën, ose kontaktin më sipër.
privacy-cookies = Këto faqe nuk vendosin asnjë cookie dhe nuk mbajnë asnjë shënim për vizitën tuaj.
privacy-keep-years = { $n } vjet pasi mbyllet rasti
privacy-keep-one-year = 1 vit pasi mbyllet rasti
privacy-keep-months = { $n } muaj pasi mbyllet rasti
privacy-keep-days = { $n } ditë pasi mbyllet rasti
privacy-none = Asnjë organizatë nuk merr ende kërkesa për ndihmë këtu.
