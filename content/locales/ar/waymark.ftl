# Waymark's public pages, in English. This file is the source every translation follows: a new message
# here needs the same id in every other locale (a test checks it).
#
# Words: say "you" and "the person", never "victim" on these pages.

## About this locale

language-name = العربية
# Set to "yes" when a native speaker has reviewed this locale; until then every page says it is unreviewed.
translation-reviewed = no
translation-note = لم يراجع هذه الترجمة بعدُ شخصٌ لغته الأم العربية.

## Layout

skip-to-content = الانتقال إلى المحتوى الرئيسي
site-name = Waymark
exit-page = الخروج من هذه الصفحة
exit-advice = للمغادرة بسرعة، اضغط على «الخروج من هذه الصفحة» أو اضغط مفتاح Shift ثلاث مرات. هذا لا يحذف سجل التصفح: إذا كان أحد قد يفتّش هاتفك، فاستخدم نافذة تصفح خاصة، أو احذف هذا الموقع من سجل التصفح بعد ذلك.
language-picker = اللغة
nav-main = القائمة الرئيسية
nav-home = البداية
nav-rights = حقوقك
nav-support = الدعم
nav-screening = التحقق من وضع مقلق
nav-help = طلب المساعدة
nav-codename = قراءة الردود
nav-staff = دخول الموظفين
error-summary-title = هناك مشكلة
continue = متابعة
back = رجوع
answer-yes = نعم
answer-no = لا
optional = (اختياري)

## Nations

nation-england_wales = إنجلترا وويلز
nation-scotland = اسكتلندا
nation-northern_ireland = أيرلندا الشمالية
children-services-england_wales = خدمات الأطفال التابعة للمجلس المحلي
children-services-scotland = خدمات الرعاية الاجتماعية للأطفال التابعة للمجلس المحلي
children-services-northern_ireland = خدمات الأطفال التابعة لهيئة الصحة والرعاية الاجتماعية في منطقتك

## Helplines (the numbers are in the jurisdiction rules; these are their names and when to call)

helplines-heading = جهات يمكنك الاتصال بها في { $nation }
helpline-emergency = خدمات الطوارئ
helpline-emergency-when = إذا كان أحد في خطر الآن
helpline-modern_slavery_helpline = Modern Slavery & Exploitation Helpline (خط مساعدة خاص بالعبودية الحديثة والاستغلال: مجاني، يعمل 24 ساعة، سري، ويتوفر فيه مترجمون)
helpline-modern_slavery_helpline-when = للحصول على النصيحة في أي وقت، بلغتك
helpline-child_trafficking_guardians = Independent Child Trafficking Guardians (أوصياء مستقلون يساعدون الأطفال الذين تعرّضوا للاتجار بالبشر)
helpline-child_trafficking_guardians-when = إذا كان عمر الشخص أقل من 18 سنة، أو قد يكون كذلك
helpline-tara = TARA (دعم للنساء اللواتي تعرّضن للاستغلال الجنسي)
helpline-tara-when = للنساء في اسكتلندا
helpline-migrant_help_scotland = Migrant Help Scotland (منظمة تساعد المهاجرين في اسكتلندا)
helpline-migrant_help_scotland-when = دعم للبالغين في اسكتلندا
helpline-police_non_emergency = الشرطة، لغير حالات الطوارئ
helpline-police_non_emergency-when = فقط إذا اخترت أنت الإبلاغ عن جريمة
helpline-crimestoppers = Crimestoppers (جهة تتلقى المعلومات عن الجرائم دون ذكر الاسم)
helpline-crimestoppers-when = لإعطاء معلومات دون ذكر اسمك

## Start page

home-title = المساعدة والأمان، مهما كان وضعك
home-lead = إذا كان شخص ما يتحكم في عملك أو مالك أو أوراقك أو في الأماكن التي يمكنك الذهاب إليها — أو يجبرك على فعل أشياء رغماً عنك — فهناك مساعدة لك. المساعدة مجانية وسرية، ولا تتوقف على وضع إقامتك أو أوراق الهجرة.
home-self-heading = إذا كان هذا يحدث لك
home-self-body = يمكنك طلب المساعدة بنفسك من منظمة دعم، هنا، دون إعطاء اسمك أو رقم هاتفك أو بريدك الإلكتروني. ستحصل على اسم رمزي لقراءة ردّها.
home-self-ask = طلب المساعدة
home-self-codename = لديّ اسم رمزي من قبل
home-other-heading = إذا كان لديك قلق على شخص آخر
home-other-body = أجب عن بعض الأسئلة لتعرف الخطوة التالية وبمن يمكن الاتصال. لا يُحفظ أي شيء من إجاباتك.
home-other-check = التحقق من وضع مقلق
home-learn-heading = اعرف حقوقك
home-learn-rights = حقوقك: ماذا يقول القانون، ولماذا لا يجعلك ما أُجبرت على فعله مجرماً
home-learn-support = الدعم: ما المساعدة المتوفرة وكيف تحصل عليها
home-danger-heading = إذا كنت في خطر الآن
home-danger-body = اتصل بالرقم 999. إذا لم يكن بإمكانك الكلام، اتصل بالرقم 999 من هاتف محمول، وابقَ على الخط، واضغط 55 عندما تطلب منك الرسالة المسجلة ذلك. من هاتف أرضي، ابقَ على الخط.

## Your rights

rights-title = حقوقك
rights-what-heading = ما هو الاتجار بالبشر والعبودية الحديثة
rights-what-body = الاتجار بالبشر والعبودية الحديثة يعنيان أن يستخدم شخص ما القوة أو التهديد أو الكذب أو الدَّين أو ظروفك الصعبة ليجبرك على العمل، أو على ممارسة الجنس مقابل المال، أو على ارتكاب جرائم، أو على خدمته — وليمنعك من المغادرة. يمكن أن يحدث هذا لأي شخص، من أي جنسية، ومنهم البريطانيون. ربما وافقت في البداية على المجيء أو على العمل؛ ومع ذلك فهو استغلال إذا كانوا قد كذبوا عليك أو إذا لم يكن بإمكانك المغادرة بحرية.
rights-not-criminal-heading = ما أُجبرت على فعله لا يجعلك مجرماً
rights-defence-england_wales = في إنجلترا وويلز، يعطي القانون المسمّى the Modern Slavery Act 2015 (قانون العبودية الحديثة لعام 2015) حقَّ الدفاع أمام المحكمة للشخص البالغ الذي ارتكب جريمة لأنه أُجبر عليها بسبب استغلاله ولم يكن أمامه خيار آخر واقعي، وللشخص الذي عمره أقل من 18 سنة إذا كانت جريمته نتيجة مباشرة لاستغلاله.
rights-defence-scotland = في اسكتلندا، يطلب القانون المسمّى the Human Trafficking and Exploitation (Scotland) Act 2015 (قانون الاتجار بالبشر والاستغلال في اسكتلندا لعام 2015) من النيابة العامة أن تفترض مبدئياً أن الشخص الذي تعرّض للاتجار لا ينبغي أن يُحاكَم على جرائم أُجبر على ارتكابها.
rights-defence-northern_ireland = في أيرلندا الشمالية، يعطي القانون المسمّى the Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015 (قانون الاتجار بالبشر والاستغلال في أيرلندا الشمالية لعام 2015) حقاً مشابهاً في الدفاع أمام المحكمة للأشخاص الذين أُجبروا على ارتكاب جرائم.
rights-defence-limits = هذا الدفاع لا يشمل بعض الجرائم الخطيرة جداً. يمكن لمحامٍ أن يشرح لك كيف ينطبق القانون على حالتك، وقد تتوفر لك استشارة قانونية مجانية.
rights-status-heading = الدعم لا يتوقف على وضع إقامتك
rights-status-body = يمكنك الحصول على الدعم سواء كانت لديك أوراق أو تأشيرة أم لا، ومهما كانت جنسيتك. كثيراً ما يقول المستغِلّون إن السلطات ستعتقلك أو ترحّلك إذا طلبت المساعدة. هذه طريقة للسيطرة عليك.
rights-police-heading = طلب المساعدة لا يعني التحدث إلى الشرطة أو سلطات الهجرة
rights-police-body = عند طلب المساعدة هنا، يصل طلبك فقط إلى منظمة الدعم التي اخترتها. لا يرسل موقع Waymark طلبك إلى الشرطة ولا إلى سلطات الهجرة ولا إلى أي جهة أخرى. وقبل إرسال أي شيء، يُعرض عليك ما تفعله تلك المنظمة بمعلوماتك.
rights-choice = أنت من يقرر ما يحدث بعد ذلك. لا تتم إحالة أي شخص بالغ إلى إجراءات الاعتراف الرسمي إلا بموافقته.

## Support

support-title = الدعم وطريقة الحصول عليه
support-what-heading = ما المساعدة المتوفرة
support-what-body = يمكن لمنظمات الدعم الخيرية أن تساعد في:
support-what-housing = مكان آمن للإقامة
support-what-health = الرعاية الطبية، والاستشارة النفسية، ودعم الصحة النفسية
support-what-legal = الاستشارة القانونية والاستشارة في أمور الإقامة والهجرة
support-what-money = المال والطعام والملابس
support-what-interpreter = مترجم فوري
support-how-heading = كيف يتم ذلك
support-how-body = يمكن لمنظمة الدعم أن تساعدك فوراً. وإذا أردت، يمكنها أيضاً أن تطلب لك اعترافاً رسمياً بأنك ناجٍ أو ناجية من الاتجار بالبشر أو العبودية الحديثة، وهذا يعطيك حقاً في الدعم أثناء انتظار القرارات.
support-decisions-heading = الاعتراف الرسمي: القرارات
support-decision-rg = أولاً، قرار «الأسباب المعقولة»: هل هناك سبب للاعتقاد بأنك تعرّضت للاتجار أو الاستغلال؟ ينبغي أن يصدر هذا القرار خلال 5 أيام عمل من تاريخ الإحالة.
support-decision-recovery = إذا كان القرار إيجابياً، تبدأ فترة للتعافي. في إنجلترا وويلز تكون 30 يوماً على الأقل، وفي اسكتلندا يستمر الدعم 90 يوماً على الأقل، وفي أيرلندا الشمالية 45 يوماً على الأقل. ويستمر الدعم حتى صدور القرار النهائي.
support-decision-cg = بعد ذلك يصدر قرار «الأسباب القاطعة»، ولا يصدر قبل مرور 30 يوماً على القرار الأول.
support-consent = لا تتم إحالة البالغين إلا بموافقتهم. أما الأطفال فتتم حمايتهم دائماً، ويتم إبلاغ خدمات الأطفال.

## Check a concern (screening)

screening-title = التحقق من وضع مقلق
screening-intro = يمكنك الإجابة عن نفسك أو عن شخص يقلقك وضعه. لا يُحفظ أي شيء من إجاباتك هنا، ولا حاجة إلى ذكر اسم أي شخص.
screening-danger = هل هناك أحد في خطر الآن؟
screening-age = كم عمر الشخص (أو عمرك، إذا كان الأمر يخصك)؟
age-under_18 = أقل من 18 سنة
age-adult = 18 سنة أو أكثر
age-unsure = لا أعرف بالضبط
screening-signs = ماذا يحدث؟
screening-signs-hint = يُرجى اختيار كل ما ينطبق. علامة واحدة قد تكفي للقلق.
screening-nation = في أي جزء من المملكة المتحدة؟
screening-submit = عرض ما يجب فعله
screening-error-danger = يُرجى الإجابة: هل هناك أحد في خطر الآن؟
screening-error-age = يُرجى اختيار العمر، أو «لا أعرف بالضبط»
screening-error-nation = يُرجى اختيار المكان في المملكة المتحدة

indicator-abuse_of_vulnerability = شخص ما يستغل وضعاً صعباً (عدم وجود أوراق، عدم معرفة الإنجليزية، الديون، صغر السن)
indicator-deception = وعود بعمل أو أجر أو دراسة أو ظروف معيشة، ثم تبيّن أنها كاذبة
indicator-restriction_of_movement = الحبس، أو المرافقة إلى كل مكان، أو المنع من المغادرة
indicator-isolation = الإبعاد عن العائلة أو الأصدقاء أو الهاتف أو المجتمع
indicator-physical_sexual_violence = الضرب، أو الإيذاء، أو الإجبار على الجنس
indicator-intimidation_threats = تهديد الشخص أو عائلته (ومنه التهديد باللعنات أو السحر مثل «الجوجو»)
indicator-retention_of_documents = شخص آخر يحتفظ بجواز السفر أو بطاقة الهوية
indicator-withholding_of_wages = العمل بلا أجر، أو شخص آخر يأخذ الأجر
indicator-debt_bondage = دَين (للسفر أو الإيجار أو الطعام) لا يمكن سداده أبداً
indicator-abusive_conditions = ظروف سكن أو عمل مُهينة أو خطيرة أو مزدحمة جداً
indicator-excessive_overtime = العمل ليلاً ونهاراً، دون أيام راحة
indicator-threatened_with_authorities = قيل للشخص إن الشرطة أو سلطات الهجرة ستسجنه أو ترحّله
indicator-lives_at_workplace = النوم في مكان العمل، أو صاحب العمل يتحكم في السكن
indicator-someone_speaks_for_them = شخص آخر يجيب نيابة عن الشخص، أو يمسك هاتفه، أو يحضر معه كل موعد
indicator-does_not_know_address = عدم معرفة عنوان السكن أو العمل، أو النقل من مكان إلى آخر كثيراً
indicator-untreated_injuries = إصابات، أو جوع، أو عدم القدرة على رؤية طبيب
indicator-fearful_or_scripted = خوف أو انطواء، أو قصة تبدو محفوظة مسبقاً
indicator-forced_criminality = الإجبار على ارتكاب جرائم (مزارع الحشيش، نقل المخدرات، السرقة، التسوّل)
indicator-forced_sex_work = الإجبار على ممارسة الجنس مقابل المال بينما يأخذ شخص آخر المال

## Screening outcomes

outcome-label = النتيجة
outcome-emergency-title = هناك شخص في خطر: اتصل بالرقم 999 الآن
outcome-emergency-1 = اتصل بالرقم 999 الآن وقل إن هناك شخصاً في خطر. إذا لم يكن بإمكانك الكلام، اتصل بالرقم 999 من هاتف محمول، وابقَ على الخط، واضغط 55 عندما تطلب منك الرسالة المسجلة ذلك. من هاتف أرضي، ابقَ على الخط.
outcome-emergency-2 = حافظ على سلامتك. لا تواجه أي شخص تظن أنه يستغل هذا الشخص.
outcome-emergency-3 = عندما يصبح الجميع في أمان، عُد إلى هنا: منظمات الدعم يمكنها المساعدة بعد حالة الطوارئ أيضاً.
outcome-child_safeguarding-title = قد يكون هذا الشخص طفلاً: حافظ على سلامته
outcome-child_safeguarding-1 = لا يمكن للطفل أن يوافق على استغلاله، وأي شخص قد يكون عمره أقل من 18 سنة يجب أن يُعامَل كطفل.
outcome-child_safeguarding-2 = أبلِغ { $children_services } اليوم، وقل إن لديك قلقاً من أن طفلاً يتعرض للاستغلال. لا حاجة إلى موافقة الطفل لفعل ذلك.
outcome-child_safeguarding-3 = لا تحاول التحقيق بنفسك أو مواجهة أي شخص.
outcome-child_safeguarding-4 = يمكن لمنظمة دعم أن تساعد أيضاً، وستتأكد من أن الطفل في أمان.
outcome-possible_trafficking-title = قد يكون هذا اتجاراً بالبشر أو عبودية حديثة
outcome-possible_trafficking-1 = المساعدة متوفرة مهما كان وضع إقامة الشخص، وطلبها لا يعني الذهاب إلى الشرطة أو سلطات الهجرة.
outcome-possible_trafficking-2 = يمكن لمنظمة دعم خيرية أن تساعد في الأمان والسكن والصحة والاستشارة القانونية.
outcome-possible_trafficking-3 = الشخص البالغ يقرر بنفسه: لا تتم إحالة أحد دون موافقته.
outcome-no_clear_indicators-title = لا يوجد حتى الآن ما يشير بوضوح إلى الاتجار بالبشر
outcome-no_clear_indicators-1 = من خلال هذه الإجابات، لا يوجد ما يشير بوضوح إلى الاتجار بالبشر أو العبودية الحديثة.
outcome-no_clear_indicators-2 = قد تتغير الأمور، وكثيراً ما يحكي الناس أكثر عندما يشعرون بالأمان. يمكنك التحقق مرة أخرى في أي وقت.
outcome-no_clear_indicators-3 = إذا بقي لديك قلق، اتصل بخط المساعدة Modern Slavery & Exploitation Helpline للحصول على النصيحة.
outcome-self = إذا كان الأمر يخصك: اطلب المساعدة بنفسك
outcome-helper = إذا كنت تساعد شخصاً: أحِله إلى منظمة دعم بموافقته (يحتاج من يساعد الآخرين إلى حساب)
outcome-again = التحقق مرة أخرى
outcome-learn = تعرّف على العلامات وما يجب فعله (تدريب للمساعدين)

## Ask for help (self-referral)

help-title = طلب المساعدة
help-intro = أجب عن بعض الأسئلة القصيرة. لا حاجة إلى ذكر اسمك أو رقم هاتفك أو بريدك الإلكتروني. في النهاية تختار منظمة دعم، ويُعرض عليك ما تفعله بمعلوماتك، وتحصل على اسم رمزي لقراءة ردّها.
help-start = البدء
help-progress = السؤال { $step } من { $total }
help-required = يُرجى الإجابة عن هذا السؤال للمتابعة
help-nation = في أي جزء من المملكة المتحدة أنت الآن؟
help-area = في أي منطقة مجلس محلي أنت؟
help-area-hint = اختر منطقة مجلسك المحلي من القائمة. إذا كنت لا تعرفها، اختر «لست متأكدًا»: سنجد لك المساعدة مع ذلك.
help-area-unsure = لست متأكدًا
help-area-error = اختر منطقة مجلسك من القائمة، أو «لست متأكدًا».
help-age = كم عمرك؟
help-age-unsure = لا أعرف بالضبط
help-needs = ما نوع المساعدة التي تلزمك؟
help-needs-hint = يُرجى اختيار كل ما ينطبق.
help-needs-error = يُرجى اختيار نوع واحد على الأقل من المساعدة
help-urgency = متى تلزمك المساعدة؟
urgency-today = اليوم
urgency-this_week = هذا الأسبوع
urgency-not_urgent = الأمر ليس عاجلاً
help-language = ما اللغة المفضّلة لديك؟
help-language-hint = مثلاً: الألبانية، الفيتنامية، العربية، التغرينية. يمكن توفير مترجم فوري.
help-about = هل هناك أي شيء آخر تودّ إخبارهم به؟
help-about-hint = كل هذه الأسئلة اختيارية. اكتب فقط ما هو آمن بالنسبة لك.
help-name = اسم يمكنهم مناداتك به
help-name-hint = لا يلزم أن يكون اسمك الحقيقي.
help-contact = طريقة آمنة للتواصل معك
help-contact-hint = فقط إذا كان ذلك آمناً: يجب ألا يراها أي شخص قد يفتّش هاتفك. يمكنك استخدام اسمك الرمزي بدلاً من ذلك.
help-limit = حتى { $max } حرف.
help-too-long = هذا النص فيه { $count } حرفاً، والحد الأقصى { $max }. يُرجى اختصاره؛ لن يضيع أي شيء آخر كتبته.
help-message = رسالتك
help-org = اختر المنظمة التي يُرسَل إليها طلبك
help-org-none = لا توجد منظمة دعم متاحة بعد. يُرجى الاتصال بخط المساعدة المذكور أدناه.
help-org-policy = كيف تتعامل منظمة { $org } مع معلوماتك:
help-org-area = تعمل في { $area }
help-consent = قرأت كيف تتعامل هذه المنظمة مع معلوماتي، وأريد أن يُرسَل طلبي إليها
help-consent-error = يُرجى وضع علامة في المربع لتأكيد أنك تريد إرسال طلبك
help-org-error = يُرجى اختيار منظمة
help-child-note = لأن عمرك قد يكون أقل من 18 سنة، ستتأكد المنظمة أيضاً من أنك في أمان. وهذا يشمل إبلاغ خدمات الأطفال.
help-send = إرسال طلبي

need-emergency_accommodation = مكان آمن للنوم الليلة
need-safe_housing = سكن آمن
need-medical = رعاية طبية
need-mental_health = شخص أتحدث معه، والصحة النفسية
need-legal_advice = استشارة قانونية
need-immigration_advice = استشارة في أمور الإقامة والهجرة
need-interpreter = مترجم فوري
need-money_and_food = المال والطعام
need-children_and_family = أطفالي وعائلتي
need-education_and_work = التعليم والعمل
need-faith_and_community = الدين والمجتمع
need-return_home = العودة إلى بلدي بأمان

# The data-sharing policy of an organisation that has not written its own (Waymark's default; the English
# is `waymark_app::DEFAULT_DATA_SHARING_POLICY`), and the note above a policy the organisation has not
# given in this language, which is then shown in English.
policy-default = نحافظ على سرية ما تخبرنا به. تُحفَظ بياناتك مشفّرة، ولا يستطيع قراءتها إلا الأشخاص الذين يعملون على دعمك. لا نشاركها مع الشرطة أو سلطات الهجرة أو أي جهة أخرى إلا إذا وافقت، باستثناء الحالات التي يكون فيها شخص ما في خطر مباشر أو يكون فيها طفل معرّضاً للخطر. يمكنك سحب موافقتك في أي وقت.
help-policy-untranslated = لم تقدّم منظمة { $org } هذا النص بالعربية بعد، لذلك يظهر بالإنجليزية. يمكنك أن تطلب من المنظمة أن تشرحه لك قبل أن توافق: لن يُرسَل طلبك إليها إلا إذا وضعت علامة في المربع.

## The codename

help-expired-title = انتهت صلاحية هذه الصفحة
help-expired-body = من أجل سلامتك، يُحفظ ما كتبته لمدة ساعة واحدة على الأكثر، ويُنسى بمجرد إرسال طلبك وحفظ اسمك الرمزي، أو عندما تغادر باستخدام «الخروج من هذه الصفحة». لا يمكن عرض أي شيء منه مرة أخرى.
help-start-again = اطلب المساعدة من جديد
codename-title = تم إرسال طلبك
codename-intro = هذا هو اسمك الرمزي. إنه الطريقة الوحيدة لقراءة الردود، ولن نعرضه لك مرة أخرى أبداً.
codename-save = اكتبه أو احفظه عن ظهر قلب، واحتفظ به في مكان لا يجده فيه أحد غيرك. لا تحفظه في مكان يمكن أن يراه الشخص الذي يستغلك.
codename-check = للتأكد من أنك حفظته، اكتب المجموعة رقم { $n } من اسمك الرمزي (أرقامها الأربعة)
codename-check-error = هذه ليست المجموعة رقم { $n }. انظر إلى اسمك الرمزي وحاول مرة أخرى.
codename-check-submit = تحقّق
codename-saved-title = شكراً لك: اسمك الرمزي محفوظ
codename-saved-body = يمكنك العودة في أي وقت لقراءة الردود وكتابة الرسائل. اختر «قراءة الردود» واكتب اسمك الرمزي.

## Read replies (the codename channel)

channel-title = قراءة الردود
channel-intro = اكتب اسمك الرمزي: الأرقام التي أُعطيت لك (أو الكلمات، إن كانت كلمات).
channel-codename = اسمك الرمزي
channel-open = فتح
channel-wrong = لم يُعثر على شيء بهذا الاسم الرمزي. تحقّق من الأرقام وحاول مرة أخرى.
channel-codename-missing = اكتب اسمك الرمزي أولاً.
channel-limited = محاولات كثيرة جداً. من أجل سلامتك، لن يُفتح أي اسم رمزي من هذا الجهاز لبعض الوقت. المدة المتبقية بالدقائق: { $minutes }.
channel-status-sent = تم إرسال طلبك إلى { $org }. لم يردّوا بعد.
channel-status-accepted = قبلت منظمة { $org } طلبك. سيتواصلون معك هنا أو بالطريقة التي اخترتها.
channel-status-declined = لم تتمكن منظمة { $org } من قبول طلبك. اقرأ رسالتهم أدناه؛ يمكنك طلب المساعدة مرة أخرى، أو الاتصال بخط المساعدة.
channel-status-answered = كتبت لك { $org } في الأسفل. لم يقولوا بعد إن كانوا يستطيعون قبول طلبك.
channel-status-withdrawn = سُحب طلبك إلى { $org }. لن تتم مشاركة أي شيء آخر معهم.
channel-decline-reason = لماذا لم يتمكنوا من قبول طلبك
channel-messages = الرسائل
channel-from-you = أنت
channel-none = لا توجد رسائل بعد.
channel-write = كتابة رسالة
channel-send = إرسال
channel-sent = تم إرسال رسالتك.
channel-empty = يُرجى كتابة رسالة أولاً
channel-leave = إغلاق (ستنسى هذه الصفحة اسمك الرمزي)
erase-heading = حذف معلوماتي
erase-body = إذا حذفتها، فلن يتمكن أحد أبداً من قراءة بياناتك ورسائلك مرة أخرى، وسيتوقف هذا الاسم الرمزي عن العمل. لا يمكن التراجع عن ذلك.
erase-confirm = نعم، أريد حذف معلوماتي
erase-not-confirmed = ضع علامة على «نعم، أريد حذف معلوماتي» لحذفها. لم يُحذف أي شيء.
erase-done-title = تم حذف معلوماتك
erase-done-body = لم يعد بإمكان أحد قراءة بياناتك أو رسائلك. إذا احتجت إلى المساعدة مرة أخرى، يمكنك طلبها من جديد في أي وقت.

# Automatic messages to the person in their codename channel.
notice-news = هناك أخبار عن إحالتك إلى { $body }.
notice-decision-reasonable_grounds_positive = قرارهم الأول هو نعم. هذا يعني أنه يمكنك الحصول على الدعم، وعلى وقت للراحة والتعافي. لا تحتاج إلى فعل أي شيء الآن. سيتخذون قرارًا نهائيًا لاحقًا، وسنخبرك هنا.
notice-decision-reasonable_grounds_positive-until = قرارهم الأول هو نعم. هذا يعني أنه يمكنك الحصول على الدعم، وعلى وقت للراحة والتعافي، حتى { $date } على الأقل. لا تحتاج إلى فعل أي شيء الآن. سيتخذون قرارًا نهائيًا لاحقًا، وسنخبرك هنا.
notice-decision-reasonable_grounds_negative = قرارهم الأول هو لا. نعلم أن سماع هذا قد يكون صعبًا. ليس بالضرورة أن تكون هذه النهاية: يمكنك أن تطلب منا أن نطلب منهم إعادة النظر في القرار. أخبرنا إن كنت تريد ذلك، أو إن كان هناك شيء آخر تريد أن يعرفوه.
notice-decision-conclusive_positive = قرارهم النهائي هو نعم. هذا يؤكد أنه يجب أن تحصل على الحماية والدعم. سنتحدث معك عن الدعم الذي يمكنك الحصول عليه بعد ذلك.
notice-decision-conclusive_negative = قرارهم النهائي هو لا. نعلم أن سماع هذا قد يكون صعبًا. يمكنك أن تطلب منا أن نطلب منهم إعادة النظر في القرار. سنتحدث معك عن الدعم الذي ما زال بإمكانك الحصول عليه وعمّا تريد فعله بعد ذلك.
notice-explain = يمكننا أن نشرح لك ما يعنيه هذا وأن نعطيك الرسالة. اكتب لنا هنا، أو اسأل الشخص الذي يتابع دعمك.
notice-referred = أحلناك إلى { $org }، كما اتفقنا معك. لم نشارك إلا: { $shared }. لم نشارك أي شيء آخر. ستقرر { $org } إن كان بإمكانها مساعدتك، وسنخبرك هنا. يمكنك أن تطلب منا التوقف عن المشاركة في أي وقت.
notice-shared-identity = من أنت (الأسماء، تاريخ الميلاد أو العمر، الجنسية، اللغات)
notice-shared-contact = كيف يمكن التواصل معك بأمان
notice-shared-needs = ما تحتاج إليه
notice-shared-history = ما حدث لك
notice-shared-documents = وثائقك
date-long = { $day } { $month } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

# The footer and the privacy notice (issue 13).
nav-privacy = الخصوصية
footer-operator = تدير هذه الخدمة { $operator }.
footer-operator-unnamed = لم تذكر الجهة التي تدير هذه الخدمة اسمها هنا بعد.
footer-contact = للتواصل
privacy-title = خصوصيتك
privacy-who-heading = من يدير هذه الخدمة
privacy-who-unnamed = لم تذكر الجهة التي تدير هذه الخدمة اسمها ووسيلة التواصل معها هنا بعد. اسأل من أعطاك هذا العنوان قبل أن تشارك أي شيء.
privacy-what-heading = ما الذي يُحفظ
privacy-what-body = عندما تطلب المساعدة، تتلقى المنظمة التي تختارها ما تخبرها به: ما تحتاجه، وأين أنت ومدى الاستعجال، وفئتك العمرية ولغتك، واسمك وطريقة آمنة للتواصل معك ورسالتك فقط إذا أعطيتها. إذا قدّمت لك الدعم، فإنها تحتفظ بسجل لهذا الدعم: ملاحظات وخطة ووثائق توافق على تقديمها. كل ما يمكن أن يكشف هويتك مشفّر بمفتاح خاص بك وحدك. لا يُحفظ اسمك الرمزي أبداً، بل شكل مُشوَّش منه لا يمكن إعادته إلى الكلمات أو الأرقام.
privacy-who-sees-heading = من يمكنه رؤيتها
privacy-who-sees-body = المنظمة التي تختارها فقط، والأشخاص الذين يعملون معك فيها فقط. لا تشارك معلوماتك مع منظمة أخرى، أو مع جهة تقرر إن كنت ناجياً من الاتجار بالبشر، إلا إذا وافقت، ويمكنك تغيير رأيك. كل مرة يفتح فيها أحد معلوماتك يُسجَّل ذلك. ليس لـ Waymark أي صلة بالشرطة أو وزارة الداخلية (Home Office) أو سلطات إنفاذ قوانين الهجرة، ولا يرسل إليها أي شيء. لا يُرسل أي شيء إلى أي شركة أخرى: لا إعلانات ولا تتبّع.
privacy-how-long-heading = كم من الوقت تُحفظ
privacy-how-long-body = طوال فترة دعمك، ثم طوال المدة التي تحتفظ فيها كل منظمة بالملف المغلق، كما هو مبيّن أدناه. بعد ذلك تُحذف تلقائياً. تبقى أعداد لا تذكر أحداً، لكي ترى الخدمات ما الذي يساعد.
privacy-erase-heading = كيف تحذفها
privacy-erase-body = باستخدام اسمك الرمزي، افتح «قراءة الردود» واختر «حذف معلوماتي». تُحذف فوراً، في كل مكان أُرسلت إليه، ولا يستطيع أحد قراءتها مرة أخرى. يمكنك أيضاً أن تطلب ذلك من المنظمة، أو من جهة التواصل المذكورة أعلاه.
privacy-cookies = لا تضع هذه الصفحات أي ملفات تعريف ارتباط (cookies) ولا تحتفظ بأي سجل لزيارتك.
privacy-keep-years = { $n } سنوات بعد إغلاق الملف
privacy-keep-one-year = سنة واحدة بعد إغلاق الملف
privacy-keep-months = { $n } أشهر بعد إغلاق الملف
privacy-keep-days = { $n } يوماً بعد إغلاق الملف
privacy-none = لا توجد بعد أي منظمة تتلقى طلبات المساعدة هنا.
