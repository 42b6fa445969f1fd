# Waymark's public pages, in English. This file is the source every translation follows: a new message
# here needs the same id in every other locale (a test checks it).
#
# Words: say "you" and "the person", never "victim" on these pages.

## About this locale

language-name = ትግርኛ
# Set to "yes" when a native speaker has reviewed this locale; until then every page says it is unreviewed.
translation-reviewed = no
translation-note = እዚ ትርጉም እዚ ገና ትግርኛ ቋንቋ ኣዲኡ ብዝኾነ ሰብ ኣይተመርመረን።

## Layout

skip-to-content = ናብ ቀንዲ ትሕዝቶ ሕለፉ
site-name = Waymark
exit-page = ካብዚ ገጽ ውጹ
exit-advice = ቀልጢፍኩም ክትወጹ፣ «ካብዚ ገጽ ውጹ» ዝብል ጠውቑ፣ ወይ ቁልፊ Shift ሰለስተ ግዜ ጠውቑ። እዚ ግን ዝርዝር ዝበጻሕኩምዎም ገጻት ካብ ተሌፎንኩም ኣይድምስሶን: ሓደ ሰብ ተሌፎንኩም ዝፍትሽ እንተ ኾይኑ፣ ታሪኽ ዘይዕቅብ ብሕታዊ መስኮት ተጠቐሙ፣ ወይ ድሕሪኡ ነዚ መርበብ ሓበሬታ ካብቲ ዝርዝር ደምስስዎ።
language-picker = ቋንቋ
nav-main = ቀንዲ ዝርዝር
nav-home = መጀመርታ
nav-rights = መሰላትኩም
nav-support = ደገፍ
nav-screening = ዘሻቕል ኩነታት ምምርማር
nav-help = ሓገዝ ምሕታት
nav-codename = መልስታት ምንባብ
nav-staff = ምእታው ሰራሕተኛታት
error-summary-title = ጸገም ኣሎ
continue = ቀጽሉ
back = ንድሕሪት
answer-yes = እወ
answer-no = ኣይፋል
optional = (ግዴታ ኣይኮነን)

## Nations

nation-england_wales = እንግሊዝን ዌልስን
nation-scotland = ስኮትላንድ
nation-northern_ireland = ሰሜን ኣየርላንድ
children-services-england_wales = ኣገልግሎት ቆልዑ ናይ ምምሕዳር ከባቢ
children-services-scotland = ማሕበራዊ ኣገልግሎት ቆልዑ ናይ ምምሕዳር ከባቢ
children-services-northern_ireland = ኣገልግሎት ቆልዑ ናይ ትካል ጥዕናን ማሕበራዊ ክንክንን ናይቲ ከባቢ

## Helplines (the numbers are in the jurisdiction rules; these are their names and when to call)

helplines-heading = ኣብ { $nation } ናብ መን ክትድውሉ ትኽእሉ
helpline-emergency = ኣገልግሎት ህጹጽ ረድኤት
helpline-emergency-when = ሕጂ ሓደ ሰብ ኣብ ሓደጋ እንተሎ
helpline-modern_slavery_helpline = Modern Slavery & Exploitation Helpline (ብዛዕባ ዘመናዊ ባርነትን ምዝመዛን ናይ ሓገዝ ተሌፎን: ብናጻ፣ 24 ሰዓት፣ ምስጢራዊ፣ ተርጓሚ ይርከብ)
helpline-modern_slavery_helpline-when = ኣብ ዝኾነ ግዜ ምኽሪ ንምርካብ፣ ብቋንቋኹም
helpline-child_trafficking_guardians = Independent Child Trafficking Guardians (ንዝተዘዋወሩ ቆልዑ ዝሕግዙ ናጻ ሞግዚታት)
helpline-child_trafficking_guardians-when = እቲ ሰብ ትሕቲ 18 ዓመት እንተኾይኑ ወይ ክኸውን ዝኽእል እንተኾይኑ
helpline-tara = TARA (ጾታዊ ምዝመዛ ንዝበጽሐን ደቂ ኣንስትዮ ዝወሃብ ደገፍ)
helpline-tara-when = ኣብ ስኮትላንድ ንዘለዋ ደቂ ኣንስትዮ
helpline-migrant_help_scotland = Migrant Help Scotland (ኣብ ስኮትላንድ ንስደተኛታት ዝሕግዝ ትካል)
helpline-migrant_help_scotland-when = ኣብ ስኮትላንድ ንዘለዉ ዓበይቲ ሰባት ደገፍ
helpline-police_non_emergency = ፖሊስ፣ ህጹጽ ንዘይኮነ ጉዳይ
helpline-police_non_emergency-when = ባዕልኹም ብዛዕባ ገበን ክትሕብሩ እንተ መሪጽኩም ጥራይ
helpline-crimestoppers = Crimestoppers (ስምኩም ከይሃብኩም ብዛዕባ ገበን ሓበሬታ ትህቡሉ)
helpline-crimestoppers-when = ስምኩም ከይሃብኩም ሓበሬታ ንምሃብ

## Start page

home-title = ኩነታትኩም ዝኾነ ይኹን፣ ሓገዝን ድሕንነትን ኣሎ
home-lead = ሓደ ሰብ ንስራሕኩም፣ ንገንዘብኩም፣ ንወረቓቕትኹም ወይ ናበይ ክትከዱ ከም ትኽእሉ ዝቆጻጸር እንተኾይኑ — ወይ ዘይደለኹምዎ ነገር ክትገብሩ ዘገድደኩም እንተኾይኑ — ሓገዝ ኣሎ። ብናጻ እዩ፣ ምስጢራዊ እዩ፣ ከምኡ’ውን ኣብ ናይ ኢሚግሬሽን ኩነታትኩም (ወረቐት መንበሪ ይሃልወኩም ኣይሃልወኩም) ኣይምርኮስን።
home-self-heading = እዚ ኣባኹም ዝፍጸም እንተኾይኑ
home-self-body = ስምኩም፣ ቁጽሪ ተሌፎንኩም ወይ ኢመይልኩም ከይሃብኩም፣ ኣብዚ ባዕልኹም ካብ ትካል ደገፍ ሓገዝ ክትሓቱ ትኽእሉ ኢኹም። መልሶም ንምንባብ ምስጢራዊ ስም ይወሃበኩም።
home-self-ask = ሓገዝ ምሕታት
home-self-codename = ድሮ ምስጢራዊ ስም ኣለኒ
home-other-heading = ብዛዕባ ካልእ ሰብ እንተ ተሻቒልኩም
home-other-body = ቀጺልኩም እንታይ ክትገብሩን ናብ መን ክትድውሉን ንምፍላጥ፣ ንውሑዳት ሕቶታት መልሱ። ዝጸሓፍኩምዎ ዋላ ሓንቲ ኣይዕቀብን።
home-other-check = ዘሻቕል ኩነታት ምምርማር
home-learn-heading = መሰላትኩም ፍለጡ
home-learn-rights = መሰላትኩም: ሕጊ እንታይ ይብል፣ ከምኡ’ውን ብግዲ ብዝገበርኩምዎ ነገር ስለምንታይ ገበነኛታት ከም ዘይኮንኩም
home-learn-support = ደገፍ: እንታይ ሓገዝ ኣሎ፣ ከመይ ጌርኩም ድማ ትረኽብዎ
home-danger-heading = ሕጂ ኣብ ሓደጋ እንተ ሃሊኹም
home-danger-body = ናብ 999 ደውሉ። ክትዛረቡ እንተ ዘይከኣልኩም፣ ብሞባይል ናብ 999 ደውሉ፣ ኣብ መስመር ጽንሑ፣ እቲ ዝተቐድሐ መልእኽቲ ምስ ሓተተኩም ድማ 55 ጠውቑ። ብናይ ገዛ ተሌፎን እንተ ደዊልኩም፣ ኣብ መስመር ጥራይ ጽንሑ።

## Your rights

rights-title = መሰላትኩም
rights-what-heading = ምዝውዋር ደቂ ሰባትን ዘመናዊ ባርነትን እንታይ እዮም
rights-what-body = ምዝውዋር ደቂ ሰባትን ዘመናዊ ባርነትን ማለት፣ ሓደ ሰብ ሓይሊ፣ ምፍርራሕ፣ ሓሶት፣ ዕዳ ወይ ጽንኩር ኩነታትኩም ተጠቒሙ ክትሰርሑ፣ ብገንዘብ ጾታዊ ርክብ ክትፍጽሙ፣ ገበን ክትፍጽሙ ወይ ከተገልግልዎ ከገድደኩም ከሎ እዩ — ከምኡ’ውን ከይትኸዱ ክኽልክለኩም ከሎ። ኣብ ዝኾነ ሰብ፣ ካብ ዝኾነ ዜግነት፣ ብሪጣንያውያን ሓዊሱ፣ ክፍጸም ይኽእል። ምናልባት ኣብ መጀመርታ ክትመጹ ወይ ክትሰርሑ ተሰማሚዕኩም ትኾኑ፤ ሓሶት እንተ ተነጊሩኩም ወይ ብናጻ ክትከዱ እንተ ዘይከኣልኩም ግን፣ እዚ ገና ምዝመዛ እዩ።
rights-not-criminal-heading = ብግዲ ብዝገበርኩምዎ ነገር ገበነኛታት ኣይኮንኩምን
rights-defence-england_wales = ኣብ እንግሊዝን ዌልስን፣ the Modern Slavery Act 2015 (ሕጊ ዘመናዊ ባርነት 2015) ዝበሃል ሕጊ ኣብ ቤት ፍርዲ ንርእሶም ክከላኸሉሉ ዝኽእሉ ሕጋዊ መሰል ይህብ: ንሓደ ዓቢ ሰብ፣ ብሰንኪ ምዝመዛ ተገዲዱ ገበን እንተ ፈጺሙን ካልእ ክውን ምርጫ እንተ ዘይነበሮን፣ ከምኡ’ውን ንሓደ ዕድሚኡ ትሕቲ 18 ዓመት ዝኾነ ሰብ፣ እቲ ገበን ቀጥታዊ ሳዕቤን ምዝመዛኡ እንተኾይኑ።
rights-defence-scotland = ኣብ ስኮትላንድ፣ the Human Trafficking and Exploitation (Scotland) Act 2015 (ሕጊ ምዝውዋር ደቂ ሰባትን ምዝመዛን ስኮትላንድ 2015) ዝበሃል ሕጊ፣ ዓቃብቲ ሕጊ፣ ሓደ ዝተዘዋወረ ሰብ ብግዲ ብዝፈጸሞ ገበን ክኽሰስ ከም ዘይግባእ ከም መበገሲ ክወስዱ ይእዝዞም።
rights-defence-northern_ireland = ኣብ ሰሜን ኣየርላንድ፣ the Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015 (ሕጊ ምዝውዋር ደቂ ሰባትን ምዝመዛን ሰሜን ኣየርላንድ 2015) ዝበሃል ሕጊ፣ ብግዲ ገበን ክፍጽሙ ንዝተገደዱ ሰባት ተመሳሳሊ ሕጋዊ ምክልኻል ይህብ።
rights-defence-limits = እዚ ሕጋዊ ምክልኻል ንገለ ኣዝዮም ከበድቲ ገበናት ኣይሽፍንን። ጠበቓ እቲ ሕጊ ኣብ ጉዳይኩም ከመይ ከም ዝምልከት ክነግረኩም ይኽእል፣ ብናጻ ዝወሃብ ሕጋዊ ምኽሪ’ውን ክርከብ ይኽእል።
rights-status-heading = ደገፍ ኣብ ናይ ኢሚግሬሽን ኩነታትኩም ኣይምርኮስን
rights-status-body = ወረቓቕቲ ወይ ቪዛ ይሃልወኩም ኣይሃልወኩም፣ ዜግነትኩም ዝኾነ ይኹን፣ ደገፍ ክትረኽቡ ትኽእሉ ኢኹም። መዝመዝቲ ብዙሕ ግዜ፣ ሓገዝ እንተ ሓቲትኩም ክትእሰሩ ወይ ብግዲ ናብ ዓድኹም ክትምለሱ ኢኹም ይብሉ። እዚ ንዓኹም ንምቁጽጻር ዝጥቀሙሉ መንገዲ እዩ።
rights-police-heading = ሓገዝ ምሕታት ምስ ፖሊስ ወይ ኢሚግሬሽን ምዝራብ ማለት ኣይኮነን
rights-police-body = ኣብዚ ሓገዝ ክትሓቱ ከለኹም፣ ሕቶኹም ናብቲ ዝመረጽኩምዎ ትካል ደገፍ ጥራይ እዩ ዝኸይድ። Waymark ንሕቶኹም ናብ ፖሊስ፣ ናብ ኢሚግሬሽን ወይ ናብ ካልእ ዝኾነ ሰብ ኣይሰዶን። ዝኾነ ነገር ቅድሚ ምልኣኽኩም፣ እቲ ትካል ብሓበሬታኹም እንታይ ከም ዝገብር ክትርእዩ ኢኹም።
rights-choice = ቀጺሉ እንታይ ከም ዝኸውን ባዕልኹም ኢኹም እትውስኑ። ዓቢ ሰብ ንወግዓዊ ኣፍልጦ ጉዳዩ ዝቐርብ ብፍቓዱ ጥራይ እዩ።

## Support

support-title = ደገፍን ከመይ ከም ዝርከብን
support-what-heading = እንታይ ሓገዝ ኣሎ
support-what-body = ግብረ-ሰናይ ትካላት ደገፍ በዞም ዝስዕቡ ክሕግዙ ይኽእሉ:
support-what-housing = ውሑስ ናይ መንበሪ ቦታ
support-what-health = ሕክምና፣ ስነ-ልቦናዊ ምኽርን ደገፍ ጥዕና ኣእምሮን
support-what-legal = ሕጋዊ ምኽርን ናይ ኢሚግሬሽን ምኽርን
support-what-money = ገንዘብ፣ መግብን ክዳውንትን
support-what-interpreter = ተርጓሚ
support-how-heading = ከመይ ይሰርሕ
support-how-body = ትካል ደገፍ ብኡንብኡ ክሕግዘኩም ይኽእል። እንተ ደሊኹም፣ ካብ ምዝውዋር ደቂ ሰባት ወይ ዘመናዊ ባርነት ከም ዝደሓንኩም ወግዓዊ ኣፍልጦ ክትረኽቡ’ውን ጉዳይኩም ከቕርበልኩም ይኽእል፤ እዚ ድማ ውሳነታት ክሳብ ዝወሃቡ ደገፍ ናይ ምርካብ መሰል ይህበኩም።
support-decisions-heading = ወግዓዊ ኣፍልጦ: እቶም ውሳነታት
support-decision-rg = መጀመርታ፣ ውሳነ «ርትዓዊ ምኽንያታት»: ተዘዋዊርኩም ወይ ተመዝሚዝኩም ኢልካ ንምእማን ምኽንያት ኣሎ ድዩ? እዚ ውሳነ ጉዳይኩም ካብ ዝቐረበሉ ኣብ ውሽጢ 5 መዓልታት ስራሕ ክወሃብ ይግባእ።
support-decision-recovery = እቲ ውሳነ ኣወንታዊ እንተኾይኑ፣ ናይ ምሕዋይ ግዜ ይጅምር። ኣብ እንግሊዝን ዌልስን እንተ ወሓደ 30 መዓልቲ እዩ፣ ኣብ ስኮትላንድ ደገፍ እንተ ወሓደ 90 መዓልቲ ይቕጽል፣ ኣብ ሰሜን ኣየርላንድ ድማ እንተ ወሓደ 45 መዓልቲ። ደገፍ ክሳብ እቲ መወዳእታ ውሳነ ይቕጽል።
support-decision-cg = ድሕሪኡ ውሳነ «ርጉጽ ምኽንያታት» ይወሃብ፤ እዚ ድማ ካብቲ ቀዳማይ ውሳነ ቅድሚ 30 መዓልቲ ኣይወሃብን።
support-consent = ዓበይቲ ጉዳዮም ዝቐርብ ብፍቓዶም ጥራይ እዩ። ቆልዑ ግን ኩሉ ግዜ ይሕለዉ፣ ኣገልግሎት ቆልዑ’ውን ሓበሬታ ይወሃቦ።

## Check a concern (screening)

screening-title = ዘሻቕል ኩነታት ምምርማር
screening-intro = ንርእስኹም ወይ ንዘሻቕለኩም ሰብ ክትምልሱ ትኽእሉ ኢኹም። ኣብዚ ዝጸሓፍኩምዎ ዋላ ሓንቲ ኣይዕቀብን፣ ናይ ዝኾነ ሰብ ስም’ውን ክትህቡ ኣየድልየኩምን።
screening-danger = ሕጂ ኣብ ሓደጋ ዘሎ ሰብ ኣሎ ድዩ?
screening-age = እቲ ሰብ ዕድሚኡ ክንደይ እዩ (ብዛዕባኹም እንተኾይኑ ድማ፣ ዕድሜኹም)?
age-under_18 = ትሕቲ 18 ዓመት
age-adult = 18 ዓመትን ልዕሊኡን
age-unsure = ርግጸኛ ኣይኮንኩን
screening-signs = እንታይ ይፍጸም ኣሎ?
screening-signs-hint = ዝምልከቶ ኩሉ ምረጹ። ሓደ ምልክት ጥራይ’ውን ንክትሻቐሉ እኹል ክኸውን ይኽእል።
screening-nation = ኣበይ ክፋል ብሪጣንያ?
screening-submit = እንታይ ክግበር ከም ዘለዎ ርኣዩ
screening-error-danger = ሕጂ ኣብ ሓደጋ ዘሎ ሰብ እንተሎ ወይ እንተ ዘየሎ ንገሩ
screening-error-age = ዕድመ ምረጹ፣ ወይ «ርግጸኛ ኣይኮንኩን»
screening-error-nation = ኣበይ ክፋል ብሪጣንያ ምዃኑ ምረጹ

indicator-abuse_of_vulnerability = ሓደ ሰብ ንጽንኩር ኩነታት ይጥቀመሉ (ወረቐት ዘይምህላው፣ እንግሊዝኛ ዘይምፍላጥ፣ ዕዳ፣ ንእሽቶ ዕድመ)
indicator-deception = ዝተመባጽዐ ስራሕ፣ ደሞዝ፣ ትምህርቲ ወይ ናይ መነባብሮ ኩነታት ሓሶት ኮይኑ ተረኺቡ
indicator-restriction_of_movement = ተዓጽዩ ምቕማጥ፣ ናብ ዝኾነ ቦታ ብሰብ ተሰንዩ ጥራይ ምኻድ፣ ወይ ክወጽእ ዘይምፍቃድ
indicator-isolation = ካብ ስድራ፣ ኣዕሩኽ፣ ተሌፎን ወይ ሕብረተሰብ ተፈልዩ ምቕማጥ
indicator-physical_sexual_violence = ምህራም፣ ምጉዳእ፣ ወይ ብግዲ ጾታዊ ርክብ ምፍጻም
indicator-intimidation_threats = ኣብ ልዕሊ እቲ ሰብ ወይ ስድራኡ ምፍርራሕ (ረገም ወይ ስራይ፣ ከም ጁጁ፣ ሓዊሱ)
indicator-retention_of_documents = ፓስፖርት ወይ ናይ መንነት ወረቐት ኣብ ኢድ ካልእ ሰብ ኣሎ
indicator-withholding_of_wages = ብዘይ ደሞዝ ምስራሕ፣ ወይ ደሞዝ ካልእ ሰብ ይወስዶ
indicator-debt_bondage = ፈጺሙ ክኽፈል ዘይክእል ዕዳ (ናይ ጉዕዞ፣ ክራይ ገዛ ወይ መግቢ)
indicator-abusive_conditions = ዘዋርድ፣ ሓደገኛ ወይ ልዕሊ ዓቕሙ ብሰብ ዝመልአ ናይ መንበሪ ወይ ናይ ስራሕ ኩነታት
indicator-excessive_overtime = ለይትን መዓልትን ምስራሕ፣ ብዘይ ናይ ዕረፍቲ መዓልቲ
indicator-threatened_with_authorities = ፖሊስ ወይ ኢሚግሬሽን ክኣስርዎ ወይ ብግዲ ናብ ዓዱ ክመልስዎ እዮም ተባሂሉ
indicator-lives_at_workplace = ኣብ ቦታ ስራሕ ምድቃስ፣ ወይ ወሃቢ ስራሕ ንመንበሪ ገዛ ይቆጻጸሮ
indicator-someone_speaks_for_them = ካልእ ሰብ ኣብ ክንድኡ ይምልስ፣ ተሌፎኑ ይሕዝ፣ ወይ ኣብ ኩሉ ርክባት ምስኡ ይመጽእ
indicator-does_not_know_address = ዝነብረሉ ወይ ዝሰርሓሉ ኣድራሻ ዘይምፍላጥ፣ ወይ ብተደጋጋሚ ካብ ቦታ ናብ ቦታ ምቕያር
indicator-untreated_injuries = መጉዳእቲ፣ ጥሜት፣ ወይ ሓኪም ክርኢ ዝኽእለሉ መንገዲ ዘይምህላው
indicator-fearful_or_scripted = ፍርሒ ወይ ካብ ሰብ ምግላል፣ ወይ ኣቐዲሙ ዝተጸንዐ ዝመስል ዛንታ
indicator-forced_criminality = ብግዲ ገበን ምፍጻም (ሓሽሽ ምትካል፣ ዕጸ-ፋርስ ምስግጋር፣ ስርቂ፣ ልመና)
indicator-forced_sex_work = ካልእ ሰብ ነቲ ገንዘብ እናወሰደ፣ ብግዲ ብገንዘብ ጾታዊ ርክብ ምፍጻም

## Screening outcomes

outcome-label = ውጽኢት
outcome-emergency-title = ሓደ ሰብ ኣብ ሓደጋ ኣሎ: ሕጂ ናብ 999 ደውሉ
outcome-emergency-1 = ሕጂ ናብ 999 ደውሉ እሞ ሓደ ሰብ ኣብ ሓደጋ ከም ዘሎ ንገሩ። ክትዛረቡ እንተ ዘይከኣልኩም፣ ብሞባይል ናብ 999 ደውሉ፣ ኣብ መስመር ጽንሑ፣ እቲ ዝተቐድሐ መልእኽቲ ምስ ሓተተኩም ድማ 55 ጠውቑ። ብናይ ገዛ ተሌፎን እንተ ደዊልኩም፣ ኣብ መስመር ጥራይ ጽንሑ።
outcome-emergency-2 = ድሕንነትኩም ሓልዉ። ነቲ ሰብ ይምዝምዞ ኣሎ ኢልኩም እትጠርጥርዎ ሰብ ኣይትገጥምዎ።
outcome-emergency-3 = ኩሉ ሰብ ውሑስ ምስ ኮነ ተመለሱ: ትካላት ደገፍ ድሕሪ ህጹጽ ኩነታት’ውን ክሕግዙ ይኽእሉ እዮም።
outcome-child_safeguarding-title = እዚ ሰብ ቆልዓ ክኸውን ይኽእል: ድሕንነቱ ሓልዉ
outcome-child_safeguarding-1 = ቆልዓ ንምዝመዛ ክሰማማዕ ኣይክእልን እዩ፣ ትሕቲ 18 ዓመት ክኸውን ዝኽእል ሰብ ድማ ከም ቆልዓ ክተሓዝ ኣለዎ።
outcome-child_safeguarding-2 = ሎሚ ንዕለቱ ናብ { $children_services } ሓበሬታ ሃቡ፣ ሓደ ቆልዓ ይምዝመዝ ከም ዘሎ ከም ዝሰከፍኩም ድማ ንገሩ። ንእዚ ፍቓድ እቲ ቆልዓ ኣየድልን እዩ።
outcome-child_safeguarding-3 = ባዕልኹም ክትምርምሩ ወይ ንዝኾነ ሰብ ክትገጥሙ ኣይትፈትኑ።
outcome-child_safeguarding-4 = ትካል ደገፍ’ውን ክሕግዝ ይኽእል፣ እቲ ቆልዓ ውሑስ ምዃኑ ድማ ከረጋግጽ እዩ።
outcome-possible_trafficking-title = እዚ ምዝውዋር ደቂ ሰባት ወይ ዘመናዊ ባርነት ክኸውን ይኽእል
outcome-possible_trafficking-1 = ናይ ኢሚግሬሽን ኩነታት እቲ ሰብ ዝኾነ ይኹን፣ ሓገዝ ኣሎ፣ ሓገዝ ምሕታት ድማ ናብ ፖሊስ ወይ ኢሚግሬሽን ምኻድ ማለት ኣይኮነን።
outcome-possible_trafficking-2 = ግብረ-ሰናይ ትካል ደገፍ ብድሕንነት፣ መንበሪ ገዛ፣ ጥዕናን ሕጋዊ ምኽርን ክሕግዝ ይኽእል።
outcome-possible_trafficking-3 = ዓቢ ሰብ ባዕሉ ይውስን: ብዘይ ፍቓዱ ጉዳዩ ዝቐርብ ሰብ የለን።
outcome-no_clear_indicators-title = ክሳብ ሕጂ ንምዝውዋር ደቂ ሰባት ብንጹር ዘርኢ ነገር የለን
outcome-no_clear_indicators-1 = ካብዘን መልስታት፣ ንምዝውዋር ደቂ ሰባት ወይ ዘመናዊ ባርነት ብንጹር ዘርኢ ነገር የለን።
outcome-no_clear_indicators-2 = ኩነታት ክቕየር ይኽእል፣ ሰባት ድማ ውሕስነት ምስ ተሰምዖም ብዙሕ ግዜ ዝያዳ ይዛረቡ። ኣብ ዝኾነ ግዜ እንደገና ክትምርምሩ ትኽእሉ ኢኹም።
outcome-no_clear_indicators-3 = ገና እንተ ተሻቒልኩም፣ ምኽሪ ንምርካብ ናብ Modern Slavery & Exploitation Helpline (ናይ ሓገዝ ተሌፎን) ደውሉ።
outcome-self = ብዛዕባኹም እንተኾይኑ: ባዕልኹም ሓገዝ ሕተቱ
outcome-helper = ንሓደ ሰብ ትሕግዙ እንተ ኣሊኹም: ብፍቓዱ ጉዳዩ ኣቕርቡ (ሓገዝቲ ኣካውንት ክህልዎም ኣለዎ)
outcome-again = እንደገና ምምርማር
outcome-learn = ምልክታትን እንታይ ከም ትገብሩን ተማሃሩ (ስልጠና ንሓገዝቲ)

## Ask for help (self-referral)

help-title = ሓገዝ ምሕታት
help-intro = ንውሑዳት ሓጸርቲ ሕቶታት መልሱ። ስምኩም፣ ቁጽሪ ተሌፎንኩም ወይ ኢመይልኩም ክትህቡ ኣየድልየኩምን። ኣብ መወዳእታ ትካል ደገፍ ትመርጹ፣ እቲ ትካል ብሓበሬታኹም እንታይ ከም ዝገብር ትርእዩ፣ መልሱ ንምንባብ ድማ ምስጢራዊ ስም ይወሃበኩም።
help-start = ጀምሩ
help-progress = ሕቶ { $step } ካብ { $total }
help-required = ንምቕጻል ነዚ ሕቶ መልሱ
help-nation = ኣበይ ክፋል ብሪጣንያ ኣለኹም?
help-area = ኣበየናይ ከባቢ ምምሕዳር ከተማ (ካውንስል) ኣለኹም?
help-area-hint = ከባቢ ካውንስልኩም ካብቲ ዝርዝር ምረጹ። እንተዘይፈለጥኩምዎ፡ «ርግጸኛ ኣይኮንኩን» ምረጹ፡ ሓገዝ ክንረኽበልኩም ኢና።
help-area-unsure = ርግጸኛ ኣይኮንኩን
help-area-error = ከባቢ ካውንስልኩም ካብቲ ዝርዝር ምረጹ፡ ወይ «ርግጸኛ ኣይኮንኩን»።
help-age = ዕድሜኹም ክንደይ እዩ?
help-age-unsure = ርግጸኛ ኣይኮንኩን
help-needs = እንታይ ሓገዝ የድልየኩም?
help-needs-hint = ዝምልከቶ ኩሉ ምረጹ።
help-needs-error = ሓገዝ ዘድልየኩም እንተ ወሓደ ሓደ ነገር ምረጹ
help-urgency = ክንደይ ቀልጢፉ ሓገዝ የድልየኩም?
urgency-today = ሎሚ
urgency-this_week = ኣብዚ ሰሙን
urgency-not_urgent = ህጹጽ ኣይኮነን
help-language = ብኣየናይ ቋንቋ ክትጥቀሙ ትደልዩ?
help-language-hint = ንኣብነት ኣልባንኛ፣ ቬትናምኛ፣ ዓረብኛ፣ ትግርኛ። ተርጓሚ ክዳሎ ይኽእል።
help-about = ክትነግርዎም እትደልዩ ካልእ ነገር ኣሎ ድዩ?
help-about-hint = እዚኦም ኩሎም ግዴታ ኣይኮኑን። ንዓኹም ውሑስ ዝኾነ ጥራይ ጽሓፉ።
help-name = ክጽውዑኹም ዝኽእሉ ስም
help-name-hint = ናይ ሓቂ ስምኩም ክኸውን ኣየድልን።
help-contact = ምሳኹም ዝራኸቡሉ ውሑስ መንገዲ
help-contact-hint = ውሑስ እንተኾይኑ ጥራይ: ተሌፎንኩም ክፍትሽ ዝኽእል ሰብ ክርእዮ የብሉን። ኣብ ክንድኡ ምስጢራዊ ስምኩም ክትጥቀሙ ትኽእሉ ኢኹም።
help-limit = ክሳብ { $max } ፊደላት።
help-too-long = እዚ { $count } ፊደላት ኣለዎ፡ ዝለዓለ { $max } ክኸውን ኣለዎ። በጃኹም ኣሕጽርዎ፤ ካልእ ዝጸሓፍኩምዎ ኣይጠፍእን።
help-message = መልእኽትኹም
help-org = ሕቶኹም ናብ መን ክለኣኽ ከም ዘለዎ ምረጹ
help-org-none = ክሳብ ሕጂ ዝርከብ ትካል ደገፍ የለን። በጃኹም ናብቲ ኣብ ታሕቲ ዘሎ ናይ ሓገዝ ተሌፎን ደውሉ።
help-org-policy = { $org } ንሓበሬታኹም ከመይ ጌሩ ከም ዝሕዞ:
help-org-area = ኣብ { $area } ይሰርሕ
help-consent = እዚ ትካል ንሓበሬታይ ከመይ ከም ዝሕዞ ኣንቢበ ኣለኹ፣ ሕቶይ ናብኡ ክለኣኽ ድማ እደሊ
help-consent-error = ሕቶኹም ክለኣኽ ከም እትደልዩ ንምርግጋጽ ኣብቲ ሳጹን ምልክት ግበሩ
help-org-error = ትካል ምረጹ
help-child-note = ትሕቲ 18 ዓመት ክትኮኑ ስለ እትኽእሉ፣ እቲ ትካል ድሕንነትኩም’ውን ከረጋግጽ እዩ። እዚ ንኣገልግሎት ቆልዑ ምሕባር የጠቓልል።
help-send = ሕቶይ ምልኣኽ

need-emergency_accommodation = ሎሚ ለይቲ ዝሓድረሉ ውሑስ ቦታ
need-safe_housing = ውሑስ መንበሪ ገዛ
need-medical = ሕክምና
need-mental_health = ዘዕልሎ ሰብ፣ ጥዕና ኣእምሮ
need-legal_advice = ሕጋዊ ምኽሪ
need-immigration_advice = ናይ ኢሚግሬሽን ምኽሪ
need-interpreter = ተርጓሚ
need-money_and_food = ገንዘብን መግብን
need-children_and_family = ደቀይን ስድራይን
need-education_and_work = ትምህርትን ስራሕን
need-faith_and_community = እምነትን ሕብረተሰብን
need-return_home = ብድሕንነት ናብ ዓደይ ምምላስ

# The data-sharing policy of an organisation that has not written its own (Waymark's default; the English
# is `waymark_app::DEFAULT_DATA_SHARING_POLICY`), and the note above a policy the organisation has not
# given in this language, which is then shown in English.
policy-default = ዝነገርኩምና ብምስጢር ንሕዞ። ሓበሬታኹም ብምስጢራዊ ኮድ ተሓሊዉ ይዕቀብ፣ ኣብ ደገፍኩም ዝሰርሑ ሰባት ጥራይ ድማ ከንብብዎ ይኽእሉ። ፍቓድኩም እንተዘይሂብኩም ንፖሊስ፣ ንኢሚግሬሽን ወይ ንካልእ ዝኾነ ሰብ ኣይነካፍሎን፣ ብዘይካ ሓደ ሰብ ኣብ ቅጽበታዊ ሓደጋ ምስ ዝህሉ ወይ ሓደ ቆልዓ ኣብ ሓደጋ ምስ ዝህሉ። ፍቓድኩም ኣብ ዝኾነ እዋን ክትስሕቡዎ ትኽእሉ ኢኹም።
help-policy-untranslated = { $org } ነዚ ጽሑፍ እዚ ክሳብ ሕጂ ብትግርኛ ኣየቕረቦን፣ ስለዚ ብእንግሊዝኛ ይርአ ኣሎ። ቅድሚ ምስምማዕኩም እቲ ትካል ክገልጸልኩም ክትሓቱ ትኽእሉ ኢኹም፦ ሕቶኹም ናብቲ ትካል ዝለኣኽ ኣብቲ ሳጹን ምልክት ምስ እትገብሩ ጥራይ እዩ።

## The codename

help-expired-title = እዚ ገጽ እዚ ግዜኡ ሓሊፉ እዩ
help-expired-body = ንድሕንነትኩም፣ ዝጸሓፍኩምዎ እንተበዝሐ ንሓደ ሰዓት ጥራይ ይዕቀብ፣ ሕቶኹም ምስ ተላእከን ምስጢራዊ ስምኩም ምስ ተዓቀበን፣ ወይ «ካብዚ ገጽ ውጹ» ብምጥዋቕ ምስ ወጻእኩምን ድማ ይርሳዕ። ካብኡ ዝኾነ ነገር ደጊሙ ክርአ ኣይክእልን።
help-start-again = ደጊምኩም ሓገዝ ሕተቱ
codename-title = ሕቶኹም ተላኢኹ ኣሎ
codename-intro = እዚ ምስጢራዊ ስምኩም እዩ። መልስታት ንምንባብ እንኮ መንገዲ እዩ፣ ደጊምና ድማ ፈጺምና ኣየርእየኩምን ኢና።
codename-save = ጽሓፍዎ ወይ ብልብኹም ሓዝዎ፣ ካልእ ሰብ ኣብ ዘይረኽቦ ቦታ ድማ ዕቀብዎ። እቲ ዝምዝምዘኩም ሰብ ክርእዮ ኣብ ዝኽእል ቦታ ኣይትዕቀብዎ።
codename-check = ከም ዝዓቀብኩምዎ ንምርግጋጽ፣ ጉጅለ ቁጽሪ { $n } ካብ ምስጢራዊ ስምኩም ጽሓፉ (ኣርባዕተ ኣሃዛቱ)
codename-check-error = እዚ ጉጅለ ቁጽሪ { $n } ኣይኮነን። ምስጢራዊ ስምኩም ርኣዩ እሞ እንደገና ፈትኑ።
codename-check-submit = ኣረጋግጹ
codename-saved-title = የቐንየልና: ምስጢራዊ ስምኩም ተዓቂቡ ኣሎ
codename-saved-body = መልስታት ንምንባብን መልእኽቲ ንምጽሓፍን ኣብ ዝኾነ ግዜ ተመለሱ። «መልስታት ምንባብ» ምረጹ እሞ ምስጢራዊ ስምኩም ኣእትዉ።

## Read replies (the codename channel)

channel-title = መልስታት ምንባብ
channel-intro = ምስጢራዊ ስምኩም ኣእትዉ: እቶም ዝተዋህቡኹም ኣሃዛት (ወይ ቃላት እንተ ተዋሂቡኹም)።
channel-codename = ምስጢራዊ ስምኩም
channel-open = ክፈቱ
channel-wrong = በዚ ምስጢራዊ ስም ዝተረኽበ ነገር የለን። ነቶም ኣሃዛት ፈትሽዎም እሞ እንደገና ፈትኑ።
channel-codename-missing = መጀመርታ ምስጢራዊ ስምኩም ጸሓፉ።
channel-limited = ብዙሕ ፈተነታት ተገይሩ። ንድሕንነትኩም፣ ንሓጺር ግዜ ካብዚ መሳርሒ ዝኾነ ምስጢራዊ ስም ኣይኽፈትን እዩ። ድሕሪ { $minutes } ደቒቕ እንደገና ፈትኑ።
channel-status-sent = ሕቶኹም ናብ { $org } ተላኢኹ ኣሎ። ገና ኣይመለሱን።
channel-status-accepted = { $org } ሕቶኹም ተቐቢሎም። ኣብዚ ወይ ብዝመረጽኩምዎ መንገዲ ክረኽቡኹም እዮም።
channel-status-declined = { $org } ሕቶኹም ክቕበሉ ኣይከኣሉን። ኣብ ታሕቲ ዘሎ መልእኽቶም ኣንብቡ፤ እንደገና ሓገዝ ክትሓቱ፣ ወይ ናብ ናይ ሓገዝ ተሌፎን ክትድውሉ ትኽእሉ ኢኹም።
channel-status-answered = { $org } ኣብ ታሕቲ ጽሒፎምልኩም ኣለዉ። ሕቶኹም ክቕበሉ ይኽእሉ እንተኾይኖም ገና ኣይገለጹን።
channel-status-withdrawn = ናብ { $org } ዝቐረበ ሕቶኹም ተሰሒቡ። ካብዚ ንደሓር ምንም ነገር ምስኣቶም ኣይካፈልን።
channel-decline-reason = ስለምንታይ ሕቶኹም ክቕበሉ ዘይከኣሉ
channel-messages = መልእኽትታት
channel-from-you = ንስኹም
channel-none = ገና መልእኽቲ የለን።
channel-write = መልእኽቲ ጽሓፉ
channel-send = ልኣኹ
channel-sent = መልእኽትኹም ተላኢኹ ኣሎ።
channel-empty = መጀመርታ መልእኽቲ ጽሓፉ
channel-leave = ዕጸዉ (እዚ ገጽ ምስጢራዊ ስምኩም ክርስዖ እዩ)
erase-heading = ሓበሬታይ ምድምሳስ
erase-body = እንተ ደምሲስኩምዎ፣ ዝርዝር ሓበሬታኹምን መልእኽትታትኩምን ደጊም ብዝኾነ ሰብ ፈጺሙ ክንበብ ኣይክእልን፣ እዚ ምስጢራዊ ስም’ውን ምስራሕ የቋርጽ። እዚ ክምለስ ኣይክእልን እዩ።
erase-confirm = እወ፣ ሓበሬታይ ይደምሰስ
erase-not-confirmed = ንምድምሳስ “እወ፣ ሓበሬታይ ይደምሰስ” ምልክት ግበሩ። ዋላ ሓንቲ ኣይተደምሰሰን።
erase-done-title = ሓበሬታኹም ተደምሲሱ ኣሎ
erase-done-body = ደጊም ዝኾነ ሰብ ዝርዝር ሓበሬታኹም ወይ መልእኽትታትኩም ክንብብ ኣይክእልን። እንደገና ሓገዝ እንተ ኣድልዩኩም፣ ኣብ ዝኾነ ግዜ እንደገና ክትሓቱ ትኽእሉ ኢኹም።

# Automatic messages to the person in their codename channel.
notice-news = ብዛዕባ ናብ { $body } ዝተገብረ ምትሕልላፍኩም ሓድሽ ዜና ኣሎ።
notice-decision-reasonable_grounds_positive = ቀዳማይ ውሳነኦም እወ እዩ። እዚ ማለት ደገፍን ንምዕራፍን ንምሕዋይን ግዜ ክትረኽቡ ትኽእሉ ኢኹም። ሕጂ ገለ ክትገብሩ ኣየድልየኩምን። ደሓር ናይ መወዳእታ ውሳነ ክገብሩ እዮም፣ ኣብዚ ድማ ክንሕብረኩም ኢና።
notice-decision-reasonable_grounds_positive-until = ቀዳማይ ውሳነኦም እወ እዩ። እዚ ማለት ደገፍን ንምዕራፍን ንምሕዋይን ግዜ ክሳብ እንተወሓደ { $date } ክትረኽቡ ትኽእሉ ኢኹም። ሕጂ ገለ ክትገብሩ ኣየድልየኩምን። ደሓር ናይ መወዳእታ ውሳነ ክገብሩ እዮም፣ ኣብዚ ድማ ክንሕብረኩም ኢና።
notice-decision-reasonable_grounds_negative = ቀዳማይ ውሳነኦም ኣይፋል እዩ። ምስማዑ ከቢድ ክኸውን ከም ዝኽእል ንፈልጥ ኢና። እዚ መወዳእታ ክኸውን የብሉን፦ ነቲ ውሳነ ደጊሞም ክርእይዎ ክንሓቶም ክትሓቱና ትኽእሉ ኢኹም። እንተደሊኹም፣ ወይ ክፈልጥዎ እትደልዩ ካልእ ነገር እንተሎ፣ ንገሩና።
notice-decision-conclusive_positive = ናይ መወዳእታ ውሳነኦም እወ እዩ። እዚ ሓለዋን ደገፍን ክትረኽቡ ከም ዘለኩም የረጋግጽ። ብዛዕባ ቀጺልኩም ክትረኽብዎ እትኽእሉ ደገፍ ምሳኹም ክንዛረብ ኢና።
notice-decision-conclusive_negative = ናይ መወዳእታ ውሳነኦም ኣይፋል እዩ። ምስማዑ ከቢድ ክኸውን ከም ዝኽእል ንፈልጥ ኢና። ነቲ ውሳነ ደጊሞም ክርእይዎ ክንሓቶም ክትሓቱና ትኽእሉ ኢኹም። ብዛዕባ ሕጂ'ውን ክትረኽብዎ እትኽእሉ ደገፍን ቀጺልኩም ክትገብርዎ እትደልዩን ምሳኹም ክንዛረብ ኢና።
notice-explain = እዚ እንታይ ማለት ምዃኑ ክንገልጸልኩምን ነቲ ደብዳቤ ክንህበኩምን ንኽእል ኢና። ኣብዚ ጸሓፉልና፣ ወይ ንሰራሕተኛ ጉዳይኩም ሕተቱ።
notice-referred = ከም ዝተሰማማዕናዮ፣ ናብ { $org } ኣሕሊፍናኩም ኣለና። ዘካፈልናዮ እዚ ጥራይ እዩ፦ { $shared }። ካልእ ዝተኻፈለ የለን። { $org } ክሕግዝ ይኽእል እንተኾይኑ ክውስን እዩ፣ ኣብዚ ድማ ክንሕብረኩም ኢና። ኣብ ዝኾነ ግዜ ምክፋል ከነቋርጽ ክትሓቱና ትኽእሉ ኢኹም።
notice-shared-identity = መን ምዃንኩም (ኣስማት፣ ዕለት ልደት ወይ ዕድመ፣ ዜግነት፣ ቋንቋታት)
notice-shared-contact = ብውሑስ ከመይ ክረኽቡኹም ከም ዝኽእሉ
notice-shared-needs = ዘድልየኩም
notice-shared-history = ዘጋጠመኩም
notice-shared-documents = ሰነዳትኩም
date-long = { $day } { $month } { $year }
month-1 = ጥሪ
month-2 = ለካቲት
month-3 = መጋቢት
month-4 = ሚያዝያ
month-5 = ግንቦት
month-6 = ሰነ
month-7 = ሓምለ
month-8 = ነሓሰ
month-9 = መስከረም
month-10 = ጥቅምቲ
month-11 = ሕዳር
month-12 = ታሕሳስ

# The footer and the privacy notice (issue 13).
nav-privacy = ብሕታውነት
footer-operator = እዚ ኣገልግሎት እዚ ብ { $operator } ይምራሕ።
footer-operator-unnamed = እቲ ነዚ ኣገልግሎት ዘካይድ ትካል ክሳብ ሕጂ ኣብዚ ስሙ ኣየቕረበን።
footer-contact = ርክብ
privacy-title = ብሕታውነትኩም
privacy-who-heading = ነዚ ኣገልግሎት መን የካይዶ
privacy-who-unnamed = እቲ ነዚ ኣገልግሎት ዘካይድ ትካል ክሳብ ሕጂ ኣብዚ ስሙን ኣድራሻ ርክቡን ኣየቕረበን። ዝኾነ ነገር ቅድሚ ምክፋልኩም፡ ነቲ እዚ ኣድራሻ ዝሃበኩም ሰብ ሕተቱ።
privacy-what-heading = እንታይ ይዕቀብ
privacy-what-body = ሓገዝ ክትሓቱ ከለኹም፡ እቲ ዝመረጽኩምዎ ትካል ዝነገርኩምዎ ይቕበል፦ ዘድልየኩም፡ ኣበይ ከም ዘለኹምን ክንደይ ህጹጽ ምዃኑን፡ ጉጅለ ዕድሜኹምን ቋንቋኹምን፡ ክትህቡ እንተደሊኹም ጥራይ ድማ ስምኩም፡ ብውሑስ ዝርከቡሉ መንገድን መልእኽትኹምን። እንተ ደገፈኩም፡ መዝገብ ናይቲ ደገፍ ይሕዝ፦ መዘኻኸሪታት፡ መደብን ክትህቡ ዝተሰማማዕኩምሉ ሰነዳትን። ዘለለየኩም ኩሉ ብናይ ባዕልኹም መፍትሕ ይሕባእ (ይምስጠር)። ምስጢራዊ ስምኩም ፈጺሙ ኣይዕቀብን፡ ናብ ቃላት ወይ ቁጽርታት ክምለስ ዘይክእል ዝተሓዋወሰ ቅርጹ ጥራይ ይዕቀብ።
privacy-who-sees-heading = መን ክርእዮ ይኽእል
privacy-who-sees-body = እቲ ዝመረጽኩምዎ ትካል ጥራይ፡ ኣብኡ ምሳኹም ዝሰርሑ ሰባት ጥራይ። ሓበሬታኹም ምስ ካልእ ትካል፡ ወይ ግዳይ ምዝዋር ሰባት ዝወሰነሉ ኣካል፡ እንተ ተሰማሚዕኩም ጥራይ ይካፈል፡ ሓሳብኩም ድማ ክትቕይሩ ትኽእሉ ኢኹም። ሓደ ሰብ ሓበሬታኹም ኣብ ዝኸፈተሉ ግዜ ኩሉ ይምዝገብ። Waymark ምስ ፖሊስ፡ ሆም ኦፊስ (Home Office) ወይ ኣካላት ምፍጻም ሕጊ ስደት ዝኾነ ርክብ የብሉን፡ ዋላ ሓንቲ ድማ ኣይሰደሎምን። ናብ ዝኾነ ካልእ ኩባንያ ዝኸይድ የለን፦ ረክላም የለን፡ ምክትታል የለን።
privacy-how-long-heading = ክንደይ ግዜ ይዕቀብ
privacy-how-long-body = ክሳብ ዝድገፉ፡ ድሕሪኡ ድማ ነፍሲ ወከፍ ትካል ዝተዓጽወ ጉዳይ ክሳብ ዝሕዘሉ ግዜ፡ ኣብ ታሕቲ ከም ዘሎ። ድሕሪኡ ባዕሉ ይድምሰስ። ኣገልግሎታት እንታይ ከም ዝሕግዝ ምእንቲ ክርእዩ፡ ንሓደ ሰብ ዘይሰምዩ ቁጽርታት ጥራይ ይተርፉ።
privacy-erase-heading = ብኸመይ ትድምስስዎ
privacy-erase-body = ብምስጢራዊ ስምኩም “መልስታት ምንባብ” ክፈቱ እሞ “ሓበሬታይ ምድምሳስ” ምረጹ። ብኡንብኡ፡ ኣብ ዝተላእከሉ ኩሉ ቦታ ይድምሰስ፡ ዝኾነ ሰብ ድማ ደጊሙ ከንብቦ ኣይክእልን። ነቲ ትካል ወይ ነቲ ኣብ ላዕሊ ዘሎ ርክብ እውን ክትሓቱ ትኽእሉ ኢኹም።
privacy-cookies = እዞም ገጻት እዚኣቶም ዝኾነ ኩኪ ኣየቐምጡን፡ ናይ ምብጻሕኩም መዝገብ ድማ ኣይሕዙን።
privacy-keep-years = ጉዳይ ካብ ዝዕጾ { $n } ዓመት
privacy-keep-one-year = ጉዳይ ካብ ዝዕጾ 1 ዓመት
privacy-keep-months = ጉዳይ ካብ ዝዕጾ { $n } ወርሒ
privacy-keep-days = ጉዳይ ካብ ዝዕጾ { $n } መዓልቲ
privacy-none = ክሳብ ሕጂ ኣብዚ ሕቶ ሓገዝ ዝቕበል ትካል የለን።
