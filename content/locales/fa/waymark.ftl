# Waymark's public pages, in English. This file is the source every translation follows: a new message
# here needs the same id in every other locale (a test checks it).
#
# Words: say "you" and "the person", never "victim" on these pages.

## About this locale

language-name = فارسی
# Set to "yes" when a native speaker has reviewed this locale; until then every page says it is unreviewed.
translation-reviewed = no
translation-note = این ترجمه هنوز توسط یک فارسی‌زبان بومی بررسی نشده است.

## Layout

skip-to-content = رفتن به محتوای اصلی
site-name = Waymark
exit-page = خروج از این صفحه
exit-advice = برای خروج سریع، روی «خروج از این صفحه» بزنید یا سه بار کلید Shift را فشار دهید. این کار سابقه مرور شما را پاک نمی‌کند: اگر ممکن است کسی تلفن شما را بگردد، از پنجره خصوصی (ناشناس) مرورگر استفاده کنید، یا بعد از آن این سایت را از سابقه مرور پاک کنید.
language-picker = زبان
nav-main = منوی اصلی
nav-home = شروع
nav-rights = حقوق شما
nav-support = حمایت
nav-screening = بررسی یک نگرانی
nav-help = درخواست کمک
nav-codename = خواندن پاسخ‌ها
nav-staff = ورود کارکنان
error-summary-title = مشکلی پیش آمده است
continue = ادامه
back = بازگشت
answer-yes = بله
answer-no = نه
optional = (اختیاری)

## Nations

nation-england_wales = انگلستان و ولز
nation-scotland = اسکاتلند
nation-northern_ireland = ایرلند شمالی
children-services-england_wales = خدمات کودکان شورای محلی
children-services-scotland = خدمات مددکاری اجتماعی کودکان در شورای محلی
children-services-northern_ireland = خدمات کودکان سازمان بهداشت و مراقبت اجتماعی منطقه

## Helplines (the numbers are in the jurisdiction rules; these are their names and when to call)

helplines-heading = در { $nation } با چه کسی تماس بگیرید
helpline-emergency = خدمات اضطراری
helpline-emergency-when = اگر کسی همین حالا در خطر است
helpline-modern_slavery_helpline = Modern Slavery & Exploitation Helpline (خط تلفن کمک برای برده‌داری مدرن و بهره‌کشی: رایگان، 24 ساعته، محرمانه، با مترجم)
helpline-modern_slavery_helpline-when = برای مشاوره در هر زمان، به زبان خودتان
helpline-child_trafficking_guardians = Independent Child Trafficking Guardians (سرپرستان مستقل که به کودکان قاچاق‌شده کمک می‌کنند)
helpline-child_trafficking_guardians-when = اگر فرد زیر 18 سال است یا ممکن است زیر 18 سال باشد
helpline-tara = TARA (حمایت از زنانی که مورد بهره‌کشی جنسی قرار گرفته‌اند)
helpline-tara-when = برای زنان در اسکاتلند
helpline-migrant_help_scotland = Migrant Help Scotland (سازمانی برای کمک به مهاجران در اسکاتلند)
helpline-migrant_help_scotland-when = حمایت از بزرگسالان در اسکاتلند
helpline-police_non_emergency = پلیس، برای موارد غیراضطراری
helpline-police_non_emergency-when = فقط اگر خودتان بخواهید جرمی را گزارش دهید
helpline-crimestoppers = Crimestoppers (گزارش جرم بدون گفتن نام)
helpline-crimestoppers-when = برای دادن اطلاعات بدون گفتن نامتان

## Start page

home-title = کمک و امنیت، در هر شرایطی که هستید
home-lead = اگر کسی کار شما، پول شما، مدارک شما یا جاهایی را که می‌توانید بروید کنترل می‌کند — یا شما را مجبور می‌کند کارهایی بکنید که نمی‌خواهید — کمک وجود دارد. این کمک رایگان و محرمانه است و به وضعیت اقامت شما بستگی ندارد.
home-self-heading = اگر این اتفاق برای شما می‌افتد
home-self-body = می‌توانید خودتان، همین‌جا، از یک سازمان حمایتی کمک بخواهید، بدون اینکه نام، شماره تلفن یا ایمیل خود را بدهید. یک نام رمز به شما داده می‌شود تا پاسخ آن‌ها را بخوانید.
home-self-ask = درخواست کمک
home-self-codename = من از قبل نام رمز دارم
home-other-heading = اگر نگران کس دیگری هستید
home-other-body = به چند سؤال جواب دهید تا بدانید قدم بعدی چیست و با چه کسی تماس بگیرید. هیچ‌چیز از آنچه وارد می‌کنید ذخیره نمی‌شود.
home-other-check = بررسی یک نگرانی
home-learn-heading = حقوق خود را بدانید
home-learn-rights = حقوق شما: قانون چه می‌گوید، و چرا به خاطر کاری که مجبور به انجامش شده‌اید مجرم نیستید
home-learn-support = حمایت: چه کمک‌هایی وجود دارد و چطور می‌توانید آن را بگیرید
home-danger-heading = اگر همین حالا در خطر هستید
home-danger-body = با 999 تماس بگیرید. اگر نمی‌توانید حرف بزنید، با 999 تماس بگیرید و وقتی صدای اپراتور را شنیدید، 55 را بزنید.

## Your rights

rights-title = حقوق شما
rights-what-heading = قاچاق انسان و برده‌داری مدرن چیست
rights-what-body = قاچاق انسان و برده‌داری مدرن یعنی کسی از زور، تهدید، دروغ، بدهی یا شرایط سخت شما استفاده می‌کند تا شما را مجبور به کار کردن، رابطه جنسی در ازای پول، ارتکاب جرم یا خدمت کردن به خودش کند — و نگذارد که بروید. این ممکن است برای هر کسی، از هر ملیتی، از جمله شهروندان بریتانیا، پیش بیاید. شاید در ابتدا خودتان قبول کرده باشید که بیایید یا کار کنید؛ اما اگر به شما دروغ گفته‌اند یا آزاد نیستید که بروید، باز هم بهره‌کشی است.
rights-not-criminal-heading = شما به خاطر کاری که مجبور به انجامش شده‌اید مجرم نیستید
rights-defence-england_wales = در انگلستان و ولز، قانونی به نام the Modern Slavery Act 2015 (قانون برده‌داری مدرن، سال 2015) به این افراد حق دفاع در دادگاه می‌دهد: بزرگسالی که جرمی را انجام داده چون بر اثر بهره‌کشی مجبور به آن شده و هیچ راه واقعی دیگری نداشته است، و فرد زیر 18 سالی که جرمش نتیجه مستقیم بهره‌کشی از او بوده است.
rights-defence-scotland = در اسکاتلند، قانونی به نام the Human Trafficking and Exploitation (Scotland) Act 2015 (قانون قاچاق انسان و بهره‌کشی اسکاتلند، سال 2015) به دادستان‌ها می‌گوید که اصل را بر این بگذارند که فردی که قاچاق شده نباید به خاطر جرم‌هایی که مجبور به انجامشان شده تحت پیگرد قرار بگیرد.
rights-defence-northern_ireland = در ایرلند شمالی، قانونی به نام the Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015 (قانون قاچاق انسان و بهره‌کشی ایرلند شمالی، سال 2015) حق دفاع مشابهی در دادگاه به افرادی می‌دهد که مجبور به ارتکاب جرم شده‌اند.
rights-defence-limits = این دفاع شامل بعضی جرم‌های بسیار سنگین نمی‌شود. یک وکیل می‌تواند به شما بگوید که قانون در مورد شما چطور اجرا می‌شود، و شاید بتوانید مشاوره حقوقی رایگان بگیرید.
rights-status-heading = حمایت به وضعیت اقامت شما بستگی ندارد
rights-status-body = چه مدارک یا ویزا داشته باشید چه نداشته باشید، و از هر ملیتی که باشید، می‌توانید حمایت بگیرید. بهره‌کش‌ها اغلب می‌گویند که اگر کمک بخواهید، دستگیر یا از کشور اخراج (دیپورت) می‌شوید. این راهی برای کنترل کردن شماست.
rights-police-heading = کمک خواستن به معنی صحبت با پلیس یا اداره مهاجرت نیست
rights-police-body = وقتی اینجا کمک می‌خواهید، درخواست شما فقط به سازمان حمایتی‌ای می‌رسد که خودتان انتخاب می‌کنید. Waymark آن را برای پلیس، اداره مهاجرت یا هیچ کس دیگری نمی‌فرستد. پیش از اینکه چیزی بفرستید، می‌بینید که آن سازمان با اطلاعات شما چه می‌کند.
rights-choice = تصمیم درباره قدم بعدی با خود شماست. یک بزرگسال فقط با موافقت خودش برای شناسایی رسمی معرفی می‌شود.

## Support

support-title = حمایت و راه دریافت آن
support-what-heading = چه کمک‌هایی وجود دارد
support-what-body = سازمان‌های حمایتی خیریه می‌توانند در این موارد کمک کنند:
support-what-housing = یک جای امن برای ماندن
support-what-health = مراقبت پزشکی، مشاوره روانی و حمایت از سلامت روان
support-what-legal = مشاوره حقوقی و مشاوره درباره اقامت و مهاجرت
support-what-money = پول، غذا و لباس
support-what-interpreter = مترجم
support-how-heading = روند کار چطور است
support-how-body = یک سازمان حمایتی می‌تواند فوراً به شما کمک کند. اگر بخواهید، می‌تواند شما را برای شناسایی رسمی به‌عنوان نجات‌یافته از قاچاق انسان یا برده‌داری مدرن هم معرفی کند؛ این شناسایی به شما حق می‌دهد تا زمانی که تصمیم‌ها گرفته می‌شود، حمایت دریافت کنید.
support-decisions-heading = شناسایی رسمی: تصمیم‌ها
support-decision-rg = اول، تصمیم «دلایل منطقی»: آیا دلیلی برای این باور هست که شما قاچاق شده‌اید یا مورد بهره‌کشی قرار گرفته‌اید؟ این تصمیم باید ظرف 5 روز کاری پس از معرفی گرفته شود.
support-decision-recovery = اگر جواب مثبت باشد، یک دوره بهبودی شروع می‌شود. در انگلستان و ولز این دوره دست‌کم 30 روز است، در اسکاتلند حمایت دست‌کم 90 روز ادامه دارد، و در ایرلند شمالی دست‌کم 45 روز. حمایت تا تصمیم نهایی ادامه پیدا می‌کند.
support-decision-cg = بعد، تصمیم «دلایل قطعی» گرفته می‌شود، که زودتر از 30 روز پس از تصمیم اول نیست.
support-consent = بزرگسالان فقط با موافقت خودشان معرفی می‌شوند. از کودکان همیشه محافظت می‌شود و به خدمات کودکان خبر داده می‌شود.

## Check a concern (screening)

screening-title = بررسی یک نگرانی
screening-intro = می‌توانید برای خودتان یا برای کسی که نگرانش هستید جواب دهید. هیچ‌چیز از آنچه اینجا وارد می‌کنید ذخیره نمی‌شود، و لازم نیست نام کسی را بگویید.
screening-danger = آیا کسی همین حالا در خطر است؟
screening-age = این فرد چند سال دارد (یا خودتان، اگر موضوع درباره شماست)؟
age-under_18 = زیر 18 سال
age-adult = 18 سال یا بیشتر
age-unsure = مطمئن نیستم
screening-signs = چه اتفاقی می‌افتد؟
screening-signs-hint = همه مواردی را که درست است علامت بزنید. حتی یک نشانه می‌تواند برای نگرانی کافی باشد.
screening-nation = کجای بریتانیا؟
screening-submit = ببینید چه باید کرد
screening-error-danger = بگویید آیا کسی همین حالا در خطر است یا نه
screening-error-age = یک سن را انتخاب کنید، یا «مطمئن نیستم»
screening-error-nation = انتخاب کنید کجای بریتانیا

indicator-abuse_of_vulnerability = کسی از شرایط سخت سوءاستفاده می‌کند (نداشتن مدارک، ندانستن زبان انگلیسی، بدهی، کم‌سن بودن)
indicator-deception = کار، دستمزد، مدرسه یا شرایط زندگی‌ای وعده داده شده که دروغ از آب درآمده است
indicator-restriction_of_movement = در جایی زندانی شدن، همه‌جا همراهی شدن، یا اجازه نداشتن برای رفتن
indicator-isolation = دور نگه داشته شدن از خانواده، دوستان، تلفن یا جامعه
indicator-physical_sexual_violence = کتک خوردن، آسیب دیدن، یا مجبور شدن به رابطه جنسی
indicator-intimidation_threats = تهدید شدن خود فرد یا خانواده‌اش (از جمله با نفرین یا جادو، مثل «جوجو»)
indicator-retention_of_documents = پاسپورت یا کارت شناسایی دست کس دیگری است
indicator-withholding_of_wages = کار کردن بدون مزد، یا کس دیگری مزد را برمی‌دارد
indicator-debt_bondage = بدهی‌ای (برای سفر، کرایه خانه یا غذا) که هیچ‌وقت نمی‌شود آن را پرداخت
indicator-abusive_conditions = شرایط زندگی یا کار تحقیرآمیز، خطرناک یا بیش از حد شلوغ
indicator-excessive_overtime = کار کردن شب و روز، بدون روز استراحت
indicator-threatened_with_authorities = به او گفته‌اند که پلیس یا اداره مهاجرت او را زندانی یا از کشور اخراج می‌کند
indicator-lives_at_workplace = خوابیدن در محل کار، یا کارفرما محل زندگی را کنترل می‌کند
indicator-someone_speaks_for_them = کس دیگری به‌جای او جواب می‌دهد، تلفنش را نگه می‌دارد، یا در همه دیدارها همراهش است
indicator-does_not_know_address = ندانستن آدرس محل زندگی یا کار، یا جابه‌جا شدن پشت سر هم
indicator-untreated_injuries = زخم و آسیب، گرسنگی، یا نبودن هیچ راهی برای رفتن پیش دکتر
indicator-fearful_or_scripted = ترسیده یا گوشه‌گیر بودن، یا داستانی که انگار از قبل تمرین شده است
indicator-forced_criminality = مجبور شدن به ارتکاب جرم (کشت ماری‌جوانا، جابه‌جا کردن مواد مخدر، دزدی، گدایی)
indicator-forced_sex_work = مجبور شدن به رابطه جنسی در ازای پول، در حالی که کس دیگری پول را می‌گیرد

## Screening outcomes

outcome-label = نتیجه
outcome-emergency-title = کسی در خطر است: همین حالا با 999 تماس بگیرید
outcome-emergency-1 = همین حالا با 999 تماس بگیرید و بگویید که کسی در خطر است. اگر نمی‌توانید حرف بزنید، با 999 تماس بگیرید و وقتی صدای اپراتور را شنیدید، 55 را بزنید.
outcome-emergency-2 = مراقب امنیت خودتان باشید. با کسی که فکر می‌کنید از این فرد بهره‌کشی می‌کند روبه‌رو نشوید.
outcome-emergency-3 = وقتی همه در امان بودند، دوباره به اینجا برگردید: سازمان‌های حمایتی بعد از شرایط اضطراری هم می‌توانند کمک کنند.
outcome-child_safeguarding-title = ممکن است این فرد کودک باشد: از او محافظت کنید
outcome-child_safeguarding-1 = یک کودک نمی‌تواند با بهره‌کشی از خودش موافقت کند، و با کسی که ممکن است زیر 18 سال باشد باید مثل یک کودک رفتار شود.
outcome-child_safeguarding-2 = همین امروز به { $children_services } خبر دهید و بگویید نگران هستید که از یک کودک بهره‌کشی می‌شود. برای این کار موافقت کودک لازم نیست.
outcome-child_safeguarding-3 = خودتان سعی نکنید تحقیق کنید یا با کسی روبه‌رو شوید.
outcome-child_safeguarding-4 = یک سازمان حمایتی هم می‌تواند کمک کند و مطمئن می‌شود که کودک در امان است.
outcome-possible_trafficking-title = ممکن است این قاچاق انسان یا برده‌داری مدرن باشد
outcome-possible_trafficking-1 = کمک وجود دارد، هر وضعیت اقامتی که این فرد داشته باشد، و کمک خواستن به معنی رفتن پیش پلیس یا اداره مهاجرت نیست.
outcome-possible_trafficking-2 = یک سازمان حمایتی خیریه می‌تواند در زمینه امنیت، مسکن، سلامت و مشاوره حقوقی کمک کند.
outcome-possible_trafficking-3 = یک بزرگسال خودش تصمیم می‌گیرد: هیچ‌کس بدون موافقت خودش معرفی نمی‌شود.
outcome-no_clear_indicators-title = هنوز چیزی به‌روشنی نشان نمی‌دهد که قاچاق انسان در کار است
outcome-no_clear_indicators-1 = با این جواب‌ها، چیزی به‌روشنی نشان نمی‌دهد که قاچاق انسان یا برده‌داری مدرن در کار است.
outcome-no_clear_indicators-2 = شرایط ممکن است تغییر کند، و آدم‌ها اغلب وقتی احساس امنیت کنند، بیشتر حرف می‌زنند. هر زمان بخواهید می‌توانید دوباره بررسی کنید.
outcome-no_clear_indicators-3 = اگر هنوز نگران هستید، برای مشاوره با خط تلفن کمک Modern Slavery & Exploitation Helpline تماس بگیرید.
outcome-self = اگر موضوع درباره خود شماست: خودتان درخواست کمک کنید
outcome-helper = اگر به کسی کمک می‌کنید: با موافقت خودش او را معرفی کنید (کسانی که کمک می‌کنند به حساب کاربری نیاز دارند)
outcome-again = بررسی دوباره
outcome-learn = نشانه‌ها و کارهایی را که باید انجام دهید بیاموزید (آموزش برای یاری‌رسانان)

## Ask for help (self-referral)

help-title = درخواست کمک
help-intro = به چند سؤال کوتاه جواب دهید. لازم نیست نام، شماره تلفن یا ایمیل خود را بدهید. در پایان، یک سازمان حمایتی را انتخاب می‌کنید، می‌بینید که با اطلاعات شما چه می‌کند، و یک نام رمز می‌گیرید تا پاسخ آن را بخوانید.
help-start = شروع
help-progress = سؤال { $step } از { $total }
help-required = برای ادامه، به این سؤال جواب دهید
help-nation = کجای بریتانیا هستید؟
help-area = در کدام شهر یا منطقه هستید؟
help-area-hint = فقط شهر یا منطقه، نه آدرس خودتان.
help-age = چند سال دارید؟
help-age-unsure = مطمئن نیستم
help-needs = برای چه چیزهایی به کمک نیاز دارید؟
help-needs-hint = همه مواردی را که درست است علامت بزنید.
help-needs-error = دست‌کم یک مورد را که برایش کمک لازم دارید انتخاب کنید
help-urgency = چقدر زود به کمک نیاز دارید؟
urgency-today = امروز
urgency-this_week = همین هفته
urgency-not_urgent = فوری نیست
help-language = می‌خواهید از چه زبانی استفاده کنید؟
help-language-hint = مثلاً آلبانیایی، ویتنامی، عربی، تیگرینیا. می‌شود برای شما مترجم گرفت.
help-about = چیز دیگری هست که بخواهید به آن‌ها بگویید؟
help-about-hint = همه این‌ها اختیاری است. فقط چیزی را بنویسید که برای شما امن است.
help-name = نامی که بتوانند شما را با آن صدا کنند
help-name-hint = لازم نیست نام واقعی شما باشد.
help-contact = یک راه امن برای تماس با شما
help-contact-hint = فقط اگر امن است: کسی که ممکن است تلفن شما را بگردد نباید آن را ببیند. به‌جای آن می‌توانید از نام رمز خود استفاده کنید.
help-message = پیام شما
help-org = انتخاب کنید درخواستتان برای کدام سازمان فرستاده شود
help-org-none = هنوز هیچ سازمان حمایتی در دسترس نیست. لطفاً با خط تلفن کمکی که پایین‌تر آمده تماس بگیرید.
help-org-policy = سازمان { $org } با اطلاعات شما چه می‌کند:
help-org-area = در { $area } کار می‌کند
help-consent = خوانده‌ام که این سازمان با اطلاعات من چه می‌کند، و می‌خواهم درخواستم برای آن فرستاده شود
help-consent-error = برای تأیید اینکه می‌خواهید درخواستتان فرستاده شود، این گزینه را علامت بزنید
help-org-error = یک سازمان را انتخاب کنید
help-child-note = چون ممکن است زیر 18 سال باشید، سازمان مطمئن هم می‌شود که شما در امان هستید. این کار شامل خبر دادن به خدمات کودکان هم می‌شود.
help-send = فرستادن درخواست من

need-emergency_accommodation = یک جای امن برای امشب
need-safe_housing = مسکن امن
need-medical = مراقبت پزشکی
need-mental_health = کسی برای حرف زدن، سلامت روان
need-legal_advice = مشاوره حقوقی
need-immigration_advice = مشاوره درباره اقامت و مهاجرت
need-interpreter = مترجم
need-money_and_food = پول و غذا
need-children_and_family = فرزندان و خانواده‌ام
need-education_and_work = درس و کار
need-faith_and_community = دین و جامعه
need-return_home = بازگشت امن به کشور خودم

## The codename

codename-title = درخواست شما فرستاده شد
codename-intro = این نام رمز شماست. تنها راه خواندن پاسخ‌هاست، و ما دیگر هرگز آن را نشان نمی‌دهیم.
codename-save = آن را بنویسید یا حفظ کنید، و جایی نگه دارید که هیچ کس دیگری پیدایش نکند. آن را جایی ذخیره نکنید که کسی که از شما بهره‌کشی می‌کند بتواند ببیند.
codename-check = برای اینکه مطمئن شوید آن را نگه داشته‌اید، کلمه شماره { $n } نام رمز خود را بنویسید
codename-check-error = این کلمه شماره { $n } نیست. به نام رمز خود نگاه کنید و دوباره امتحان کنید.
codename-check-submit = بررسی
codename-saved-title = متشکریم: نام رمز شما نگه داشته شد
codename-saved-body = هر وقت خواستید برگردید تا پاسخ‌ها را بخوانید و پیام بنویسید. «خواندن پاسخ‌ها» را انتخاب کنید و نام رمز خود را وارد کنید.

## Read replies (the codename channel)

channel-title = خواندن پاسخ‌ها
channel-intro = نام رمز خود را وارد کنید: همان کلمه‌هایی که به شما داده شد، با فاصله بین آن‌ها.
channel-codename = نام رمز شما
channel-open = باز کردن
channel-wrong = با این نام رمز چیزی پیدا نشد. کلمه‌ها را بررسی کنید و دوباره امتحان کنید.
channel-codename-missing = ابتدا نام رمزی خود را بنویسید.
channel-limited = تعداد تلاش‌ها خیلی زیاد بوده است. برای امنیت شما، لطفاً بعداً دوباره امتحان کنید.
channel-status-sent = درخواست شما برای { $org } فرستاده شد. هنوز جواب نداده‌اند.
channel-status-accepted = { $org } درخواست شما را پذیرفت. آن‌ها با شما تماس می‌گیرند، همین‌جا یا از راهی که انتخاب کرده‌اید.
channel-status-declined = { $org } نتوانست درخواست شما را بپذیرد. پیام آن‌ها را در پایین بخوانید؛ می‌توانید دوباره درخواست کمک کنید، یا با خط تلفن کمک تماس بگیرید.
channel-status-answered = { $org } در پایین برای شما نوشته است. هنوز نگفته‌اند که آیا می‌توانند درخواست شما را بپذیرند.
channel-status-withdrawn = درخواست شما به { $org } پس گرفته شد. دیگر چیزی با آنها به اشتراک گذاشته نمی‌شود.
channel-decline-reason = چرا نتوانستند درخواست شما را بپذیرند
channel-messages = پیام‌ها
channel-from-you = شما
channel-none = هنوز پیامی نیست.
channel-write = نوشتن پیام
channel-send = فرستادن
channel-sent = پیام شما فرستاده شد.
channel-empty = اول یک پیام بنویسید
channel-leave = بستن (این صفحه نام رمز شما را فراموش می‌کند)
erase-heading = پاک کردن اطلاعات من
erase-body = اگر آن را پاک کنید، مشخصات و پیام‌های شما دیگر هرگز توسط هیچ کس خوانده نمی‌شود، و این نام رمز دیگر کار نمی‌کند. این کار برگشت‌پذیر نیست.
erase-confirm = بله، اطلاعات من پاک شود
erase-not-confirmed = برای حذف، گزینهٔ «بله، اطلاعات من پاک شود» را علامت بزنید. چیزی حذف نشد.
erase-done-title = اطلاعات شما پاک شد
erase-done-body = دیگر هیچ کس نمی‌تواند مشخصات یا پیام‌های شما را بخواند. اگر دوباره به کمک نیاز داشتید، هر زمان می‌توانید دوباره درخواست کنید.
