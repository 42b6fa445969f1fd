# Waymark's public pages, in English. This file is the source every translation follows: a new message
# here needs the same id in every other locale (a test checks it).
#
# Words: say "you" and "the person", never "victim" on these pages.

## About this locale

language-name = English
# Set to "yes" when a native speaker has reviewed this locale; until then every page says it is unreviewed.
translation-reviewed = yes
translation-note = This translation has not yet been reviewed by a native speaker.

## Layout

skip-to-content = Skip to main content
site-name = Waymark
exit-page = Exit this page
exit-advice = To leave quickly, use “Exit this page” or press the Shift key three times. This does not delete your browsing history: if someone checks your phone, use a private window, or delete this site from your history afterwards.
language-picker = Language
nav-main = Main
nav-home = Start
nav-rights = Your rights
nav-support = Support
nav-screening = Check a concern
nav-help = Ask for help
nav-codename = Read replies
nav-staff = Staff sign in
error-summary-title = There is a problem
continue = Continue
back = Back
answer-yes = Yes
answer-no = No
optional = (optional)

## Nations

nation-england_wales = England and Wales
nation-scotland = Scotland
nation-northern_ireland = Northern Ireland
children-services-england_wales = the local council’s children’s services
children-services-scotland = the local council’s social work services for children
children-services-northern_ireland = the Health and Social Care Trust’s children’s services

## Helplines (the numbers are in the jurisdiction rules; these are their names and when to call)

helplines-heading = Who to call in { $nation }
helpline-emergency = Emergency services
helpline-emergency-when = if someone is in danger now
helpline-modern_slavery_helpline = Modern Slavery & Exploitation Helpline (free, 24 hours, confidential, interpreters available)
helpline-modern_slavery_helpline-when = for advice at any time, in your language
helpline-child_trafficking_guardians = Independent Child Trafficking Guardians
helpline-child_trafficking_guardians-when = if the person is or may be under 18
helpline-tara = TARA (support for women who were sexually exploited)
helpline-tara-when = for women in Scotland
helpline-migrant_help_scotland = Migrant Help Scotland
helpline-migrant_help_scotland-when = support for adults in Scotland
helpline-police_non_emergency = Police, non-emergency
helpline-police_non_emergency-when = only if you choose to report a crime
helpline-crimestoppers = Crimestoppers (anonymous)
helpline-crimestoppers-when = to pass on information without giving your name

## Start page

home-title = Help and safety, whatever your situation
home-lead = If someone controls your work, your money, your papers or where you can go — or makes you do things you do not want to do — help exists. It is free, it is confidential, and it does not depend on your immigration status.
home-self-heading = If this is happening to you
home-self-body = You can ask a support organisation for help yourself, here, without giving your name, phone number or email. You get a codename to read their reply.
home-self-ask = Ask for help
home-self-codename = I already have a codename
home-other-heading = If you are worried about someone else
home-other-body = Answer a few questions to find out what to do next and who to call. Nothing you enter is stored.
home-other-check = Check a concern
home-learn-heading = Know your rights
home-learn-rights = Your rights: what the law says, and why you are not a criminal for what you were forced to do
home-learn-support = Support: what help exists and how to get it
home-danger-heading = If you are in danger now
home-danger-body = Call 999. If you cannot speak, call 999 from a mobile, stay on the line and press 55 when the recorded message asks you to. From a landline, stay on the line.

## Your rights

rights-title = Your rights
rights-what-heading = What trafficking and modern slavery are
rights-what-body = Trafficking and modern slavery mean someone uses force, threats, lies, debt or your difficult situation to make you work, sell sex, commit crimes or serve them — and to keep you from leaving. It can happen to anyone, of any nationality, including British people. You may have agreed to come or to work at first; it is still exploitation if you were lied to or are not free to leave.
rights-not-criminal-heading = You are not a criminal for what you were forced to do
rights-defence-england_wales = In England and Wales, the law (the Modern Slavery Act 2015) gives a defence to an adult who committed a crime because they were forced to by their exploitation and had no realistic alternative, and to a person under 18 whose crime was a direct result of their exploitation.
rights-defence-scotland = In Scotland, the law (the Human Trafficking and Exploitation (Scotland) Act 2015) tells prosecutors to presume that a person who was trafficked should not be prosecuted for crimes they were made to commit.
rights-defence-northern_ireland = In Northern Ireland, the law (the Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015) gives a similar defence to people who were forced to commit crimes.
rights-defence-limits = The defence does not cover some very serious crimes. A lawyer can tell you how the law applies to you, and free legal advice may be available.
rights-status-heading = Support does not depend on your immigration status
rights-status-body = You can get support whether or not you have papers or a visa, and whatever your nationality. Exploiters often say you will be arrested or deported if you ask for help. That is a way of controlling you.
rights-police-heading = Asking for help does not mean talking to the police or immigration
rights-police-body = When you ask for help here, your request goes only to the support organisation you choose. Waymark does not send it to the police, to immigration or to anyone else. Before you send anything, you see what that organisation does with your information.
rights-choice = You decide what happens next. An adult is only referred for formal recognition with their agreement.

## Support

support-title = Support and how to get it
support-what-heading = What help exists
support-what-body = Voluntary support organisations can help with:
support-what-housing = a safe place to stay
support-what-health = medical care, counselling and mental health support
support-what-legal = legal and immigration advice
support-what-money = money, food and clothes
support-what-interpreter = an interpreter
support-how-heading = How it works
support-how-body = A support organisation can help you straight away. If you want, it can also refer you for formal recognition as a survivor of trafficking or modern slavery, which gives you a right to support while decisions are made.
support-decisions-heading = Formal recognition: the decisions
support-decision-rg = First, a “reasonable grounds” decision: is there reason to believe you were trafficked or exploited? It should be made within 5 working days of the referral.
support-decision-recovery = If it is positive, a recovery period starts. In England and Wales it is at least 30 days, in Scotland support lasts at least 90 days, and in Northern Ireland at least 45 days. Support continues until the final decision.
support-decision-cg = Then a “conclusive grounds” decision, no sooner than 30 days after the first one.
support-consent = Adults are only referred with their agreement. Children are always protected, and children’s services are told.

## Check a concern (screening)

screening-title = Check a concern
screening-intro = You can answer for yourself or for someone you are worried about. Nothing you enter here is stored, and you do not need to give anyone’s name.
screening-danger = Is anyone in danger right now?
screening-age = How old is the person (or you, if this is about you)?
age-under_18 = Under 18
age-adult = 18 or over
age-unsure = Not sure
screening-signs = What is happening?
screening-signs-hint = Tick everything that applies. One sign can be enough to be worried.
screening-nation = Where in the UK?
screening-submit = See what to do
screening-error-danger = Say whether anyone is in danger right now
screening-error-age = Choose an age, or “Not sure”
screening-error-nation = Choose where in the UK

indicator-abuse_of_vulnerability = Someone takes advantage of a difficult situation (no papers, no English, debt, being young)
indicator-deception = A job, pay, school or living conditions were promised that turned out to be false
indicator-restriction_of_movement = Locked in, escorted everywhere, or not allowed to leave
indicator-isolation = Kept away from family, friends, a phone or the community
indicator-physical_sexual_violence = Hit, hurt, or forced into sex
indicator-intimidation_threats = Threats against the person or their family (including curses or juju)
indicator-retention_of_documents = Someone else holds the passport or ID
indicator-withholding_of_wages = Working for no pay, or someone else keeps the pay
indicator-debt_bondage = A debt (for travel, rent or food) that can never be paid off
indicator-abusive_conditions = Degrading, dangerous or overcrowded living or working conditions
indicator-excessive_overtime = Working day and night, with no days off
indicator-threatened_with_authorities = Told that the police or immigration would jail or deport them
indicator-lives_at_workplace = Sleeping where they work, or the employer controls the housing
indicator-someone_speaks_for_them = Someone else answers for them, holds their phone, or comes to every meeting
indicator-does_not_know_address = Not knowing the address where they live or work, or being moved often
indicator-untreated_injuries = Injuries, hunger, or no way to see a doctor
indicator-fearful_or_scripted = Afraid or withdrawn, or a story that sounds rehearsed
indicator-forced_criminality = Made to commit crimes (cannabis farms, carrying drugs, theft, begging)
indicator-forced_sex_work = Made to sell sex while someone else takes the money

## Screening outcomes

outcome-label = Result
outcome-emergency-title = Someone is in danger: call 999 now
outcome-emergency-1 = Call 999 now and say someone is in danger. If you cannot speak, call 999 from a mobile, stay on the line and press 55 when the recorded message asks you to. From a landline, stay on the line.
outcome-emergency-2 = Stay safe. Do not confront anyone you think is exploiting the person.
outcome-emergency-3 = When everyone is safe, come back: support organisations can help after an emergency too.
outcome-child_safeguarding-title = This may be a child: keep them safe
outcome-child_safeguarding-1 = A child cannot agree to being exploited, and someone who may be under 18 must be treated as a child.
outcome-child_safeguarding-2 = Tell { $children_services } today, and say you are worried a child is being exploited. The child’s agreement is not needed for this.
outcome-child_safeguarding-3 = Do not try to investigate or confront anyone yourself.
outcome-child_safeguarding-4 = A support organisation can help too, and will make sure the child is safe.
outcome-possible_trafficking-title = This may be trafficking or modern slavery
outcome-possible_trafficking-1 = Help exists, whatever the person’s immigration status, and asking for it does not mean going to the police or immigration.
outcome-possible_trafficking-2 = A voluntary support organisation can help with safety, housing, health and legal advice.
outcome-possible_trafficking-3 = An adult decides for themselves: nobody is referred without their agreement.
outcome-no_clear_indicators-title = Nothing clearly points to trafficking yet
outcome-no_clear_indicators-1 = From these answers, nothing clearly points to trafficking or modern slavery.
outcome-no_clear_indicators-2 = Things can change, and people often share more once they feel safe. You can check again at any time.
outcome-no_clear_indicators-3 = If you are still worried, call the Modern Slavery & Exploitation Helpline for advice.
outcome-self = If this is about you: ask for help yourself
outcome-helper = If you are helping someone: refer them, with their agreement (helpers need an account)
outcome-again = Check again
outcome-learn = Learn the signs and what to do (training for helpers)

## Ask for help (self-referral)

help-title = Ask for help
help-intro = Answer a few short questions. You do not need to give your name, phone number or email. At the end you choose a support organisation, see what it does with your information, and get a codename to read its reply.
help-start = Start
help-progress = Question { $step } of { $total }
help-required = Answer this question to continue
help-nation = Where in the UK are you?
help-area = Which council area are you in?
help-area-hint = Choose your local council area from the list. If you do not know it, choose “I am not sure”: we will still find you help.
help-area-unsure = I am not sure
help-area-error = Choose your council area from the list, or “I am not sure”.
help-age = How old are you?
help-age-unsure = I am not sure
help-needs = What do you need help with?
help-needs-hint = Tick everything that applies.
help-needs-error = Choose at least one thing you need help with
help-urgency = How soon do you need help?
urgency-today = Today
urgency-this_week = This week
urgency-not_urgent = It is not urgent
help-language = Which language do you want to use?
help-language-hint = For example Albanian, Vietnamese, Arabic, Tigrinya. An interpreter can be arranged.
help-about = Anything else you want to tell them?
help-about-hint = All of these are optional. Only write what is safe for you.
help-name = A name they can call you
help-name-hint = It does not have to be your real name.
help-contact = A safe way to contact you
help-contact-hint = Only if it is safe: someone who might check your phone must not see it. You can use your codename instead.
help-limit = Up to { $max } characters.
help-too-long = This is { $count } characters: it can be at most { $max }. Please shorten it; nothing else you wrote is lost.
help-message = Your message
help-org = Choose who to send your request to
help-org-none = No support organisation is available yet. Please call the helpline below.
help-org-policy = How { $org } handles your information:
help-org-area = Works in { $area }
help-consent = I have read how this organisation handles my information, and I want my request sent to it
help-consent-error = Tick the box to confirm you want your request sent
help-org-error = Choose an organisation
help-child-note = Because you may be under 18, the organisation will also make sure you are safe. That includes telling children’s services.
help-send = Send my request

need-emergency_accommodation = Somewhere safe to stay tonight
need-safe_housing = Safe housing
need-medical = Medical care
need-mental_health = Someone to talk to, mental health
need-legal_advice = Legal advice
need-immigration_advice = Immigration advice
need-interpreter = An interpreter
need-money_and_food = Money and food
need-children_and_family = My children and family
need-education_and_work = Education and work
need-faith_and_community = Faith and community
need-return_home = Going back home safely

# The data-sharing policy of an organisation that has not written its own (Waymark's default; the English
# is `waymark_app::DEFAULT_DATA_SHARING_POLICY`), and the note above a policy the organisation has not
# given in this language, which is then shown in English.
policy-default = We keep what you tell us private. Your details are stored encrypted and only the people working on your support can read them. We do not share them with the police, immigration or anyone else unless you agree, except where someone is in immediate danger or a child is at risk. You can withdraw your consent at any time.
help-policy-untranslated = { $org } has not yet given this in your language, so it is shown in English. You can ask the organisation to explain it before you agree: your request only goes to it if you tick the box.

## The codename

help-expired-title = This page has expired
help-expired-body = For your safety, what you typed is kept for one hour at most, and is forgotten once your request is sent and your codename saved, or when you leave with “Exit this page”. Nothing of it can be shown again.
help-start-again = Ask for help again
codename-title = Your request has been sent
codename-intro = This is your codename. It is the only way to read replies, and we will never show it again.
codename-save = Write it down or learn it, and keep it where nobody else will find it. Do not save it in a place your exploiter can see.
codename-check = To check you saved it, type word number { $n } of your codename
codename-check-error = That is not word number { $n }. Look at your codename and try again.
codename-check-submit = Check
codename-saved-title = Thank you: your codename is saved
codename-saved-body = Come back any time to read replies and write messages. Choose “Read replies” and enter your codename.

## Read replies (the codename channel)

channel-title = Read replies
channel-intro = Enter your codename: the words (or numbers) you were given.
channel-codename = Your codename
channel-open = Open
channel-wrong = Nothing was found with that codename. Check the words and try again.
channel-codename-missing = Type your codename first.
channel-limited = Too many tries. For your safety, no codename opens from this device for a while. Try again in { $minutes } min.
channel-status-sent = Your request was sent to { $org }. They have not answered yet.
channel-status-accepted = { $org } accepted your request. They will contact you, here or in the way you chose.
channel-status-declined = { $org } could not take your request. Read their message below; you can ask for help again, or call the helpline.
channel-status-answered = { $org } has written to you below. They have not yet said whether they can take your request.
channel-status-withdrawn = Your request to { $org } was withdrawn. Nothing more is shared with them.
channel-decline-reason = Why they could not take your request
channel-messages = Messages
channel-from-you = You
channel-none = No messages yet.
channel-write = Write a message
channel-send = Send
channel-sent = Your message was sent.
channel-empty = Write a message first
channel-leave = Close (this page will forget your codename)
erase-heading = Delete my information
erase-body = If you delete it, your details and your messages can never be read again by anyone, and this codename stops working. This cannot be undone.
erase-confirm = Yes, delete my information
erase-not-confirmed = Tick “Yes, delete my information” to delete it. Nothing was deleted.
erase-done-title = Your information has been deleted
erase-done-body = Nobody can read your details or messages any more. If you need help again, you can ask again at any time.

# Automatic messages to the person in their codename channel (issue 13): each page says them in its
# own language, from the facts stored with the message.
notice-news = There is news about your referral to { $body }.
notice-decision-reasonable_grounds_positive = Their first decision is yes. This means you can have support, and time to rest and recover. You do not need to do anything now. They will make a final decision later, and we will tell you here.
notice-decision-reasonable_grounds_positive-until = Their first decision is yes. This means you can have support, and time to rest and recover, until at least { $date }. You do not need to do anything now. They will make a final decision later, and we will tell you here.
notice-decision-reasonable_grounds_negative = Their first decision is no. We know this may be hard to hear. It does not have to be the end: you can ask us to ask them to look at the decision again. Tell us if you want that, or if there is more you want them to know.
notice-decision-conclusive_positive = Their final decision is yes. This confirms that you should have protection and support. We will talk with you about the support you can have next.
notice-decision-conclusive_negative = Their final decision is no. We know this may be hard to hear. You can ask us to ask them to look at the decision again. We will talk with you about the support you can still have and what you want to do next.
notice-explain = We can explain what this means and give you the letter. Write to us here, or ask your caseworker.
notice-referred = We have referred you to { $org }, as agreed with you. We shared only: { $shared }. Nothing else was shared. { $org } will decide whether they can help, and we will tell you here. You can ask us to stop sharing at any time.
notice-shared-identity = who you are (names, date of birth or age, nationality, languages)
notice-shared-contact = how to reach you safely
notice-shared-needs = what you need
notice-shared-history = what happened to you
notice-shared-documents = your documents
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# The footer and the privacy notice (issue 13).
nav-privacy = Privacy
footer-operator = This service is run by { $operator }.
footer-operator-unnamed = The organisation that runs this service has not yet given its name here.
footer-contact = Contact
privacy-title = Your privacy
privacy-who-heading = Who runs this service
privacy-who-unnamed = The organisation that runs this service has not yet given its name and contact here. Ask whoever gave you this address before you share anything.
privacy-what-heading = What is kept
privacy-what-body = When you ask for help, the organisation you choose receives what you tell it: what you need, where you are and how urgent it is, your age group and your language, and, only if you give them, your name, a safe way to reach you and your message. If it supports you, it keeps a record of that support: notes, a plan, and documents you agree to give. Everything that could identify you is encrypted, under a key of your own. Your codename is never stored, only a scrambled form of it that cannot be turned back into the words or numbers.
privacy-who-sees-heading = Who can see it
privacy-who-sees-body = Only the organisation you choose, and only the people there who work with you. It shares your information with another organisation, or with a body that decides whether you are a survivor of trafficking, only if you agree, and you can change your mind. Every time someone opens your information it is recorded. Waymark has no connection to the police, the Home Office or immigration enforcement, and sends them nothing. Nothing is sent to any other company: no advertising, no tracking.
privacy-how-long-heading = How long it is kept
privacy-how-long-body = While you are supported, and then for as long as each organisation keeps a closed case, below. After that it is erased automatically. Counts that name nobody remain, so that services can see what helps.
privacy-erase-heading = How to delete it
privacy-erase-body = With your codename, open “Read replies” and choose “Delete my information”. It is erased at once, everywhere it was sent, and nobody can read it again. You can also ask the organisation, or the contact above.
privacy-cookies = These pages set no cookie and keep no record of your visit.
privacy-keep-years = { $n } years after the case closes
privacy-keep-one-year = 1 year after the case closes
privacy-keep-months = { $n } months after the case closes
privacy-keep-days = { $n } days after the case closes
privacy-none = No organisation receives requests for help here yet.
