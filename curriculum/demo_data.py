"""The text of the demo curriculum, in Khmer and English, read by `curriculum.demo`."""

# ruff: noqa: E501
# Prose reads and reviews better one sentence to a line than cut at 100 characters.

# Demo help entries are invented: every name says so and every phone number is 012 000 1xx.
DEMO_PREFIX = {"km": "[គំរូ]", "en": "[DEMO]"}

TOPICS = [
    {"slug": "recruitment-agencies", "km": "ភ្នាក់ងារជ្រើសរើសពលករ", "en": "Recruitment agencies"},
    {"slug": "contracts-documents", "km": "កិច្ចសន្យា និងឯកសារ", "en": "Contracts and documents"},
    {"slug": "fees-debt", "km": "ថ្លៃសេវា និងបំណុល", "en": "Fees and debt"},
    {"slug": "trafficking-signs", "km": "សញ្ញានៃការជួញដូរមនុស្ស", "en": "Signs of trafficking"},
    {"slug": "staying-in-touch", "km": "ការរក្សាទំនាក់ទំនង", "en": "Staying in touch"},
    {"slug": "getting-help", "km": "ការស្វែងរកជំនួយ", "en": "Getting help"},
]

AUDIENCES = [
    {"slug": "youth", "km": "យុវជន", "en": "Young people"},
    {"slug": "parents", "km": "ឪពុកម្ដាយ និងអាណាព្យាបាល", "en": "Parents and guardians"},
    {"slug": "returnees", "km": "ពលករចំណាកស្រុកដែលបានវិលត្រឡប់", "en": "Returned migrants"},
    {"slug": "commune-councils", "km": "ក្រុមប្រឹក្សាឃុំ សង្កាត់", "en": "Commune councils"},
]

# Every demo help entry says in its description that it is invented.
INVENTED_SERVICE = {
    "km": "សេវានេះជាទិន្នន័យប្រឌិត សម្រាប់គេហទំព័រគំរូ។",
    "en": "An invented service for the demo site.",
}
_OFFICE_HOURS = {"km": "ច័ន្ទ ដល់ សុក្រ ម៉ោង ៨:០០ ដល់ ១៧:០០", "en": "Monday to Friday, 8:00 to 17:00"}
_ALWAYS_OPEN = {"km": "២៤ ម៉ោង រៀងរាល់ថ្ងៃ", "en": "24 hours, every day"}

HELP_ENTRIES = [
    {
        "key": "migrant-helpline",
        "category": "hotline",
        "phone": "012 000 101",
        "provinces": [],
        "km": {
            "name": "ខ្សែទូរស័ព្ទជំនួយពលករចំណាកស្រុក",
            "description": "ឆ្លើយសំណួរអំពីការធ្វើចំណាកស្រុកដោយសុវត្ថិភាព ពិនិត្យថាក្រុមហ៊ុនជ្រើសរើសពលករមានអាជ្ញាប័ណ្ណឬទេ និងទទួលពាក្យបណ្ដឹងពីពលករ និងក្រុមគ្រួសារ។",
            "hours": _ALWAYS_OPEN["km"],
            "languages": "ខ្មែរ ថៃ អង់គ្លេស",
            "address": "",
        },
        "en": {
            "name": "Migrant worker helpline",
            "description": "Answers questions about migrating safely, checks whether a recruitment agency is licensed, and takes complaints from workers and their families.",
            "hours": _ALWAYS_OPEN["en"],
            "languages": "Khmer, Thai, English",
            "address": "",
        },
    },
    {
        "key": "trafficking-emergency-line",
        "category": "hotline",
        "phone": "012 000 102",
        "provinces": [],
        "km": {
            "name": "ខ្សែទូរស័ព្ទបន្ទាន់ប្រឆាំងការជួញដូរមនុស្ស",
            "description": "រាយការណ៍ករណីសង្ស័យនៃការជួញដូរមនុស្ស ឬពលកម្មដោយបង្ខំ ទាំងនៅកម្ពុជា និងនៅក្រៅប្រទេស។ សម្រាប់ករណីបន្ទាន់ ដូចជាមាននរណាម្នាក់ត្រូវគេឃុំខ្លួន ឬគំរាមកំហែង។",
            "hours": _ALWAYS_OPEN["km"],
            "languages": "ខ្មែរ អង់គ្លេស",
            "address": "",
        },
        "en": {
            "name": "Anti-trafficking emergency line",
            "description": "Report a suspected case of trafficking or forced labour, in Cambodia or abroad. For emergencies, such as someone held against their will or threatened.",
            "hours": _ALWAYS_OPEN["en"],
            "languages": "Khmer, English",
            "address": "",
        },
    },
    {
        "key": "legal-aid-national",
        "category": "legal_aid",
        "phone": "012 000 103",
        "provinces": [],
        "km": {
            "name": "សេវាជំនួយផ្លូវច្បាប់ឥតគិតថ្លៃសម្រាប់ពលករ",
            "description": "ផ្ដល់ដំបូន្មានដោយឥតគិតថ្លៃ អំពីកិច្ចសន្យា ប្រាក់ឈ្នួលដែលមិនបានបើក ថ្លៃសេវាជ្រើសរើស និងបំណុល ហើយជួយពលករដាក់ពាក្យបណ្ដឹង និងទាមទារសំណង។",
            "hours": _OFFICE_HOURS["km"],
            "languages": "ខ្មែរ អង់គ្លេស",
            "address": "ផ្ទះលេខ ០០ ផ្លូវគំរូ រាជធានីភ្នំពេញ (អាសយដ្ឋានប្រឌិត)",
        },
        "en": {
            "name": "Free legal aid for migrant workers",
            "description": "Free advice on contracts, unpaid wages, recruitment fees and debt; helps workers make a complaint and claim compensation.",
            "hours": _OFFICE_HOURS["en"],
            "languages": "Khmer, English",
            "address": "No. 00, Example Street, Phnom Penh (invented address)",
        },
    },
    {
        "key": "counselling-by-phone",
        "category": "counselling",
        "phone": "012 000 104",
        "provinces": [],
        "km": {
            "name": "សេវាប្រឹក្សាយោបល់តាមទូរស័ព្ទ",
            "description": "ការប្រឹក្សាយោបល់ដោយឥតគិតថ្លៃ និងរក្សាការសម្ងាត់ សម្រាប់ពលករចំណាកស្រុកដែលបានវិលត្រឡប់ និងក្រុមគ្រួសាររបស់ពួកគេ។ អ្នកអាចស្នើសុំនិយាយជាមួយអ្នកប្រឹក្សាជាស្ត្រី។",
            "hours": "ច័ន្ទ ដល់ សៅរ៍ ម៉ោង ៨:០០ ដល់ ២០:០០",
            "languages": "ខ្មែរ",
            "address": "",
        },
        "en": {
            "name": "Counselling by phone",
            "description": "Free, confidential counselling for returned migrants and their families. You can ask to speak to a woman counsellor.",
            "hours": "Monday to Saturday, 8:00 to 20:00",
            "languages": "Khmer",
            "address": "",
        },
    },
    {
        "key": "transit-shelter-north-west",
        "category": "shelter",
        "phone": "012 000 105",
        "provinces": ["01", "02", "24"],
        "km": {
            "name": "ទីជម្រកបណ្ដោះអាសន្នសម្រាប់ពលករវិលត្រឡប់ ភាគពាយ័ព្យ",
            "description": "កន្លែងស្នាក់នៅដោយសុវត្ថិភាពពីរបីថ្ងៃ សម្រាប់អ្នកដែលត្រូវបានបញ្ជូនត្រឡប់មកពីប្រទេសថៃវិញ៖ អាហារ ការពិនិត្យសុខភាព និងជំនួយក្នុងការធ្វើដំណើរត្រឡប់ទៅផ្ទះ។ កុមារអាយុក្រោម ១៨ឆ្នាំ មានបុគ្គលិកសង្គមកិច្ចមើលថែ។",
            "hours": _ALWAYS_OPEN["km"],
            "languages": "ខ្មែរ ថៃ",
            "address": "ក្រុងប៉ោយប៉ែត ខេត្តបន្ទាយមានជ័យ (អាសយដ្ឋានប្រឌិត)",
        },
        "en": {
            "name": "Transit shelter for returning migrants, north-west",
            "description": "A safe place to stay for a few days for people sent back from Thailand: meals, a health check and help to travel home. Children under 18 are looked after by a social worker.",
            "hours": _ALWAYS_OPEN["en"],
            "languages": "Khmer, Thai",
            "address": "Poipet, Banteay Meanchey (invented address)",
        },
    },
    {
        "key": "legal-aid-siem-reap",
        "category": "legal_aid",
        "phone": "012 000 106",
        "provinces": ["17", "22"],
        "km": {
            "name": "ការិយាល័យជំនួយផ្លូវច្បាប់ ខេត្តសៀមរាប",
            "description": "ជួបពិភាក្សាដោយផ្ទាល់ជាមួយមេធាវី អំពីកិច្ចសន្យាការងារ និងប្រាក់ឈ្នួលដែលមិនបានបើក សម្រាប់ប្រជាជននៅខេត្តសៀមរាប និងឧត្ដរមានជ័យ។ សូមទូរស័ព្ទណាត់ជួបជាមុន។",
            "hours": _OFFICE_HOURS["km"],
            "languages": "ខ្មែរ",
            "address": "ក្រុងសៀមរាប ខេត្តសៀមរាប (អាសយដ្ឋានប្រឌិត)",
        },
        "en": {
            "name": "Legal aid office, Siem Reap",
            "description": "Meet a lawyer in person about an employment contract or unpaid wages, for people in Siem Reap and Otdar Meanchey. Call first to make an appointment.",
            "hours": _OFFICE_HOURS["en"],
            "languages": "Khmer",
            "address": "Siem Reap town (invented address)",
        },
    },
    {
        "key": "counselling-south-east",
        "category": "counselling",
        "phone": "012 000 107",
        "provinces": ["14", "20"],
        "km": {
            "name": "មណ្ឌលប្រឹក្សាយោបល់សហគមន៍ ព្រៃវែង និងស្វាយរៀង",
            "description": "អ្នកប្រឹក្សាចុះជួបក្រុមគ្រួសារដល់ផ្ទះ និងរៀបចំក្រុមជួយគ្នាទៅវិញទៅមក សម្រាប់ពលករចំណាកស្រុកដែលបានវិលត្រឡប់។",
            "hours": "ច័ន្ទ ដល់ សុក្រ ម៉ោង ៧:៣០ ដល់ ១៦:៣០",
            "languages": "ខ្មែរ វៀតណាម",
            "address": "",
        },
        "en": {
            "name": "Community counselling centre, Prey Veng and Svay Rieng",
            "description": "Counsellors visit families at home and run support groups for returned migrants.",
            "hours": "Monday to Friday, 7:30 to 16:30",
            "languages": "Khmer, Vietnamese",
            "address": "",
        },
    },
]

# The four pages under each home page, by the slug they have in both languages.
INDEX_PAGES = {
    "curriculum": {
        "slug": "curriculum",
        "km": {
            "title": "កម្មវិធីសិក្សា",
            "introduction": "<p>មេរៀនសម្រាប់អ្នកសម្របសម្រួលក្លឹបយុវជន ដើម្បីបង្រៀនសហគមន៍អំពីការធ្វើចំណាកស្រុកដោយសុវត្ថិភាព។ មេរៀននីមួយៗមានសកម្មភាព សំណួរពិភាក្សា និងសំណួរតេស្តខ្លីៗ។ អ្នកអាចស្វែងរកមេរៀនតាមប្រធានបទ ក្រុមគោលដៅ ឬរយៈពេល។</p>",
        },
        "en": {
            "title": "Curriculum",
            "introduction": "<p>Lessons for youth club facilitators to teach their communities how to migrate safely. Each lesson has activities, discussion questions and a short quiz. Find lessons by topic, audience or length.</p>",
        },
    },
    "campaigns": {
        "slug": "campaigns",
        "km": {
            "title": "យុទ្ធនាការផ្សព្វផ្សាយ",
            "introduction": "<p>យុទ្ធនាការដែលក្លឹបយុវជនរៀបចំនៅក្នុងភូមិ ឃុំ របស់ខ្លួន ដើម្បីលើកកម្ពស់ការយល់ដឹងអំពីការធ្វើចំណាកស្រុកដោយសុវត្ថិភាព និងការជួញដូរមនុស្ស។</p>",
        },
        "en": {
            "title": "Campaigns",
            "introduction": "<p>Awareness campaigns that youth clubs run in their villages and communes on safe migration and human trafficking.</p>",
        },
    },
    "publications": {
        "slug": "publications",
        "km": {
            "title": "ឯកសារបោះពុម្ពផ្សាយ",
            "introduction": "<p>របាយការណ៍ ការសិក្សាស្រាវជ្រាវ និងឯកសារសង្ខេប អំពីចំណាកស្រុកពលកម្មពីកម្ពុជា។</p>",
        },
        "en": {
            "title": "Publications",
            "introduction": "<p>Reports, studies and summaries about labour migration from Cambodia.</p>",
        },
    },
    "help": {
        "slug": "where-to-get-help",
        "km": {
            "title": "កន្លែងទទួលជំនួយ",
            "introduction": (
                "<p>ប្រសិនបើអ្នក ឬនរណាម្នាក់ដែលអ្នកស្គាល់ ជួបបញ្ហាពេលធ្វើចំណាកស្រុក សូមទាក់ទងសេវាខាងក្រោម។ ជ្រើសរើសខេត្តរបស់អ្នក ដើម្បីមើលសេវានៅជិតអ្នក និងសេវាដែលបម្រើទូទាំងប្រទេស។</p>"
                "<p><strong>ក្នុងករណីបន្ទាន់ សូមហៅប៉ូលិសតាមលេខ ១១៧។</strong></p>"
                "<p>សេវាដែលមានសញ្ញា [គំរូ] គឺជាទិន្នន័យប្រឌិត សម្រាប់បង្ហាញគេហទំព័រគំរូនេះតែប៉ុណ្ណោះ។</p>"
            ),
        },
        "en": {
            "title": "Where to get help",
            "introduction": (
                "<p>If you or someone you know has a problem while migrating, contact one of the services below. Choose your province to see the services near you and those that serve the whole country.</p>"
                "<p><strong>In an emergency, call the police on 117.</strong></p>"
                "<p>Services marked [DEMO] are invented, to show how this demo site works.</p>"
            ),
        },
    },
}

# What a facilitator does when someone discloses abuse: the same in every lesson.
SAFEGUARDING_NOTE = {
    "km": (
        "<p>ប្រសិនបើមាននរណាម្នាក់ប្រាប់អ្នកថា ខ្លួនគេ ឬអ្នកដែលគេស្គាល់ កំពុងរងការរំលោភបំពាន ការកេងប្រវ័ញ្ច ឬការជួញដូរ៖</p>"
        "<ul>"
        "<li><strong>ស្ដាប់</strong>ដោយស្ងប់ស្ងាត់ ជឿលើគាត់ និងអរគុណគាត់ដែលបានប្រាប់។ សូមនិយាយជាមួយគាត់ដោយឡែក មិនមែននៅមុខក្រុមទេ។</li>"
        "<li><strong>កុំស៊ើបអង្កេតដោយខ្លួនឯង</strong>៖ កុំសួររកព័ត៌មានលម្អិត ហើយកុំទាក់ទងនិយោជក ឬមេខ្យល់ដោយខ្លួនឯង។ កុំសន្យាថានឹងលាក់ទុកជាការសម្ងាត់ ប៉ុន្តែប្រាប់តែអ្នកដែលអាចជួយបានប៉ុណ្ណោះ។</li>"
        "<li><strong>បញ្ជូនបន្ត</strong>៖ ដោយមានការយល់ព្រមពីគាត់ សូមហៅទៅខ្សែទូរស័ព្ទជំនួយ ដែលមាននៅក្នុងបញ្ជីកន្លែងទទួលជំនួយ ហើយប្រាប់មន្ត្រីកម្មវិធីរបស់អ្នកនៅថ្ងៃដដែល។ ប្រសិនបើមាននរណាម្នាក់កំពុងស្ថិតក្នុងគ្រោះថ្នាក់ភ្លាមៗ សូមហៅប៉ូលិសតាមលេខ ១១៧។</li>"
        "<li>កត់ត្រាតែអ្វីដែលគាត់បានប្រាប់ តាមពាក្យសម្ដីរបស់គាត់ ហើយចែករំលែកតែជាមួយមន្ត្រីកម្មវិធីប៉ុណ្ណោះ។</li>"
        "</ul>"
    ),
    "en": (
        "<p>If someone tells you that they, or someone they know, are being abused, exploited or trafficked:</p>"
        "<ul>"
        "<li><strong>Listen</strong> calmly, believe them and thank them for telling you. Talk with them in private, not in front of the group.</li>"
        "<li><strong>Do not investigate</strong>: do not question them for details, and do not contact the employer or the broker yourself. Do not promise to keep it secret, but tell only the people who can help.</li>"
        "<li><strong>Refer</strong>: with their agreement, call the hotline in the help directory, and tell your program officer the same day. If someone is in immediate danger, call the police on 117.</li>"
        "<li>Write down only what they told you, in their own words, and share it only with your program officer.</li>"
        "</ul>"
    ),
}

# Lessons that can bring back painful memories add this to the safeguarding note.
SAFEGUARDING_RETURNEES = {
    "km": "<p>អ្នកចូលរួមខ្លះអាចធ្លាប់ឆ្លងកាត់បទពិសោធន៍ទាំងនេះដោយផ្ទាល់។ គ្មាននរណាម្នាក់ត្រូវបង្ខំឱ្យនិយាយអំពីរឿងផ្ទាល់ខ្លួនទេ។ ប្រសិនបើអ្នកណាម្នាក់ហាក់ដូចជាមិនស្រួលចិត្ត សូមផ្អាកសកម្មភាព ហើយនិយាយជាមួយគាត់ដោយឡែក។</p>",
    "en": "<p>Some participants may have lived through these things themselves. Nobody has to talk about their own story. If someone seems upset, pause the activity and talk with them privately.</p>",
}

MODULES = [
    {
        "slug": "preparing-to-migrate-safely",
        "audiences": ["youth", "parents", "commune-councils"],
        "cover_image": "road",
        "km": {
            "title": "ការត្រៀមខ្លួនធ្វើចំណាកស្រុកដោយសុវត្ថិភាព",
            "introduction": "<p>មេរៀនបី សម្រាប់យុវជន និងក្រុមគ្រួសារ ដែលកំពុងគិតទៅធ្វើការនៅក្រៅប្រទេស៖ របៀបពិនិត្យក្រុមហ៊ុនជ្រើសរើសពលករ អ្វីដែលកិច្ចសន្យា និងឯកសាររបស់អ្នកត្រូវមាន និងរបៀបជៀសវាងការជាប់បំណុល។</p>",
            "learning_goals": (
                "<ul>"
                "<li>ដឹងពីរបៀបពិនិត្យថា ក្រុមហ៊ុនជ្រើសរើសពលករមានអាជ្ញាប័ណ្ណពីក្រសួងការងារ និងបណ្ដុះបណ្ដាលវិជ្ជាជីវៈ។</li>"
                "<li>ដឹងថាកិច្ចសន្យាការងារត្រូវមានអ្វីខ្លះ និងឯកសារណាដែលត្រូវរក្សាទុកដោយខ្លួនឯង។</li>"
                "<li>គណនាថ្លៃចំណាយពិតប្រាកដនៃការធ្វើចំណាកស្រុក និងស្គាល់ហានិភ័យនៃការខ្ចីប្រាក់។</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Preparing to migrate safely",
            "introduction": "<p>Three lessons for young people and families thinking about working abroad: how to check a recruitment agency, what your contract and documents must say, and how to avoid falling into debt.</p>",
            "learning_goals": (
                "<ul>"
                "<li>Know how to check that a recruitment agency is licensed by the Ministry of Labour and Vocational Training.</li>"
                "<li>Know what an employment contract must say and which documents to keep yourself.</li>"
                "<li>Work out the real cost of migrating and recognise the risks of borrowing.</li>"
                "</ul>"
            ),
        },
    },
    {
        "slug": "staying-safe-abroad",
        "audiences": ["youth", "parents", "returnees"],
        "cover_image": "phone",
        "km": {
            "title": "សុវត្ថិភាពនៅក្រៅប្រទេស និងការស្វែងរកជំនួយ",
            "introduction": "<p>មេរៀនបី សម្រាប់យុវជន ក្រុមគ្រួសារ និងពលករចំណាកស្រុកដែលបានវិលត្រឡប់៖ របៀបស្គាល់សញ្ញានៃការជួញដូរមនុស្ស និងពលកម្មដោយបង្ខំ របៀបរក្សាទំនាក់ទំនង និងផ្ញើប្រាក់ទៅផ្ទះដោយសុវត្ថិភាព និងកន្លែងដែលត្រូវស្វែងរកជំនួយ។</p>",
            "learning_goals": (
                "<ul>"
                "<li>ស្គាល់សញ្ញានៃការជួញដូរមនុស្ស និងពលកម្មដោយបង្ខំ រួមទាំងការបោកប្រាស់តាមអនឡាញ។</li>"
                "<li>រៀបចំផែនការទំនាក់ទំនងជាមួយក្រុមគ្រួសារ និងផ្ញើប្រាក់ដោយសុវត្ថិភាព។</li>"
                "<li>ដឹងថាត្រូវហៅទៅសេវាណា សម្រាប់បញ្ហាអ្វី និងត្រូវនិយាយអ្វីខ្លះ។</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Staying safe abroad and getting help",
            "introduction": "<p>Three lessons for young people, families and returned migrants: how to recognise the signs of trafficking and forced labour, how to stay in touch and send money home safely, and where to get help.</p>",
            "learning_goals": (
                "<ul>"
                "<li>Recognise the signs of trafficking and forced labour, including online scams.</li>"
                "<li>Make a contact plan with the family and send money home safely.</li>"
                "<li>Know which service to call for which problem, and what to say.</li>"
                "</ul>"
            ),
        },
    },
]

# Each lesson's body is a list of (block type, value); the `entries` of a where_to_get_help
# block name HELP_ENTRIES by key, and the builder puts in the entries of the lesson's language.
LESSONS = [
    {
        "slug": "check-recruitment-agency",
        "module": "preparing-to-migrate-safely",
        "duration_minutes": 45,
        "topics": ["recruitment-agencies", "getting-help"],
        "audiences": ["youth", "parents"],
        "km": {
            "title": "តើក្រុមហ៊ុនជ្រើសរើសពលករនេះមានអាជ្ញាប័ណ្ណឬទេ?",
            "summary": "អ្នកចូលរួមនឹងស្វែងយល់ពីភាពខុសគ្នារវាងក្រុមហ៊ុនជ្រើសរើសពលករដែលមានអាជ្ញាប័ណ្ណ និងមេខ្យល់ដែលគ្មានអាជ្ញាប័ណ្ណ ហើយហាត់ពិនិត្យក្រុមហ៊ុន មុនពេលនរណាម្នាក់ចុះហត្ថលេខា ឬបង់ប្រាក់អ្វីទាំងអស់។",
            "learning_objectives": (
                "<ul>"
                "<li>ពន្យល់ពីមូលហេតុដែលត្រូវប្រើក្រុមហ៊ុនជ្រើសរើសពលករ ដែលមានអាជ្ញាប័ណ្ណពីក្រសួងការងារ និងបណ្ដុះបណ្ដាលវិជ្ជាជីវៈ។</li>"
                "<li>ប្រាប់វិធីបីយ៉ាងក្នុងការពិនិត្យក្រុមហ៊ុន៖ អាជ្ញាប័ណ្ណ ការិយាល័យ និងបញ្ជីរបស់ក្រសួង ឬខ្សែទូរស័ព្ទជំនួយ។</li>"
                "<li>ស្គាល់សញ្ញាព្រមាននៃមេខ្យល់ដែលគ្មានអាជ្ញាប័ណ្ណ។</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul>"
                "<li>ក្រដាសផ្ទាំងធំ និងប៊ិចហ្វឺត</li>"
                "<li>ប្រកាសជ្រើសរើសការងារពីរ ដែលបានបោះពុម្ព៖ មួយពីក្រុមហ៊ុនមានអាជ្ញាប័ណ្ណ ដែលមានព័ត៌មានគ្រប់គ្រាន់ និងមួយទៀតពីមេខ្យល់ ដែលមានតែលេខទូរស័ព្ទ</li>"
                "<li>លេខខ្សែទូរស័ព្ទជំនួយពីបញ្ជីកន្លែងទទួលជំនួយ សរសេរជាអក្សរធំៗ</li>"
                "</ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "information",
                        "text": "<p>ក្រុមហ៊ុនដែលមានអាជ្ញាប័ណ្ណ មានការិយាល័យដែលអ្នកអាចទៅដល់បាន មានអាជ្ញាប័ណ្ណពីក្រសួងការងារ និងបណ្ដុះបណ្ដាលវិជ្ជាជីវៈ ហើយផ្ដល់កិច្ចសន្យាជាលាយលក្ខណ៍អក្សរឱ្យអ្នក មុនពេលចេញដំណើរ។ មេខ្យល់ដែលជួបអ្នកតែនៅក្នុងភូមិ ហើយសុំប្រាក់សុទ្ធ គឺជាសញ្ញាព្រមាន។</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "ប្រកាសជ្រើសរើសការងារពីរ",
                        "minutes": 20,
                        "steps": [
                            "ចែកអ្នកចូលរួមជាក្រុមតូចៗ ក្រុមមួយមានពីបួនទៅប្រាំនាក់ ហើយឱ្យប្រកាសការងារទាំងពីរទៅក្រុមនីមួយៗ។",
                            "ឱ្យក្រុមនីមួយៗរាយអ្វីដែលគេដឹង និងអ្វីដែលខ្វះ អំពីការងារនីមួយៗ៖ ក្រុមហ៊ុន និយោជក ប្រភេទការងារ ប្រាក់ឈ្នួល និងថ្លៃចំណាយ។",
                            "ក្រុមនីមួយៗសម្រេចថា តើគួរពិនិត្យការងារមួយណាមុន ហើយនឹងសួរសំណួរអ្វីខ្លះទៅក្រុមហ៊ុន។",
                            "ក្រុមនីមួយៗចែករំលែកចម្លើយ។ សរសេរសំណួរទាំងនោះលើក្រដាសផ្ទាំងធំ ក្រោមចំណងជើង «សំណួរដែលត្រូវសួរក្រុមហ៊ុន»។",
                        ],
                        "facilitator_tip": "ត្រូវប្រាកដថាបញ្ជីនោះមាន៖ លេខអាជ្ញាប័ណ្ណ អាសយដ្ឋានការិយាល័យ ឈ្មោះ និងអាសយដ្ឋាននិយោជក ប្រាក់ឈ្នួល និងថ្លៃសេវាទាំងអស់ជាលាយលក្ខណ៍អក្សរ។ រក្សាក្រដាសផ្ទាំងនេះទុកសម្រាប់មេរៀនបន្ទាប់។",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "របៀបពិនិត្យក្រុមហ៊ុន",
                        "minutes": 10,
                        "steps": [
                            "ពន្យល់ពីការពិនិត្យទាំងបី៖ សុំមើលអាជ្ញាប័ណ្ណ ទៅមើលការិយាល័យ និងពិនិត្យឈ្មោះក្រុមហ៊ុននៅក្នុងបញ្ជីរបស់ក្រសួង ឬហៅទៅខ្សែទូរស័ព្ទជំនួយ។",
                            "បង្ហាញលេខខ្សែទូរស័ព្ទជំនួយ ហើយឱ្យអ្នកស្ម័គ្រចិត្តពីរនាក់សម្ដែងការហៅទូរស័ព្ទ៖ ម្នាក់សួរអំពីក្រុមហ៊ុនមួយ ម្នាក់ទៀតឆ្លើយក្នុងនាមជាបុគ្គលិកខ្សែទូរស័ព្ទជំនួយ។",
                        ],
                        "facilitator_tip": "ប្រសិនបើគ្មាននរណាម្នាក់មានទូរស័ព្ទដែលមានលុយ ក៏នៅតែអាចហាត់ការហៅបានដែរ។ អ្វីដែលសំខាន់ គឺដឹងថាត្រូវសួរអ្វីខ្លះ។",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "ដារ៉ាជួបមេខ្យល់",
                        "story": "<p>ដារ៉ា អាយុ ២០ឆ្នាំ រស់នៅខេត្តព្រៃវែង។ បុរសម្នាក់មកពីភូមិជិតខាង ប្រាប់គាត់អំពីការងារសំណង់នៅប្រទេសថៃ ដែលបានប្រាក់ខែមួយម៉ឺនបាត។ បុរសនោះនិយាយថា មិនចាំបាច់មានលិខិតឆ្លងដែនទេ គាត់នឹងនាំដារ៉ាឆ្លងព្រំដែនដោយខ្លួនឯង ដោយយកថ្លៃបីពាន់បាត ដែលត្រូវបង់ឥឡូវនេះ ហើយដារ៉ាអាចចាប់ផ្ដើមធ្វើការនៅសប្ដាហ៍ក្រោយ។ បុរសនោះគ្មានការិយាល័យ គ្មានកិច្ចសន្យាជាលាយលក្ខណ៍អក្សរ មានតែលេខទូរស័ព្ទមួយប៉ុណ្ណោះ។</p>",
                        "questions": [
                            "តើការផ្ដល់ការងារនេះមានសញ្ញាព្រមានអ្វីខ្លះ?",
                            "តើដារ៉ាគួរពិនិត្យអ្វីខ្លះ មុននឹងសម្រេចចិត្ត?",
                            "តើដារ៉ាអាចសុំដំបូន្មានពីនរណាខ្លះ នៅក្នុងឃុំរបស់គាត់?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "ហេតុអ្វីបានជាអ្នកភូមិយើងខ្លះប្រើមេខ្យល់ ជំនួសឱ្យក្រុមហ៊ុនដែលមានអាជ្ញាប័ណ្ណ?",
                            "តើអាចមានអ្វីកើតឡើងចំពោះពលករ ដែលឆ្លងព្រំដែនដោយគ្មានឯកសារស្របច្បាប់?",
                            "តើយើងអាចចែករំលែកលេខខ្សែទូរស័ព្ទជំនួយ ទៅកាន់ក្រុមគ្រួសារនៅក្នុងឃុំរបស់យើងដោយរបៀបណា?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "ប្រើតែក្រុមហ៊ុនជ្រើសរើសពលករ ដែលមានអាជ្ញាប័ណ្ណពីក្រសួងការងារ និងបណ្ដុះបណ្ដាលវិជ្ជាជីវៈប៉ុណ្ណោះ។",
                            "ទៅមើលការិយាល័យរបស់ក្រុមហ៊ុន ហើយសុំមើលអាជ្ញាប័ណ្ណ មុនពេលបង់ប្រាក់អ្វីទាំងអស់។",
                            "ប្រសិនបើមិនច្បាស់ សូមហៅទៅខ្សែទូរស័ព្ទជំនួយ ហើយសួរមុនពេលចុះហត្ថលេខា ឬបង់ប្រាក់។",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "តើមួយណាជាសញ្ញាដែលបង្ហាញថា អ្នកជ្រើសរើសពលករប្រហែលជាគ្មានអាជ្ញាប័ណ្ណ?",
                        "options": [
                            "គេមានការិយាល័យ ហើយបង្ហាញអាជ្ញាប័ណ្ណឱ្យអ្នកមើល",
                            "គេជួបអ្នកតែនៅក្នុងភូមិ ហើយចង់បានប្រាក់សុទ្ធភ្លាមៗ",
                            "គេផ្ដល់កិច្ចសន្យាជាភាសាខ្មែរឱ្យអ្នក",
                        ],
                        "correct_option": 2,
                        "explanation": "ក្រុមហ៊ុនដែលមានអាជ្ញាប័ណ្ណ មានការិយាល័យ ផ្ដល់បង្កាន់ដៃ និងកិច្ចសន្យាជាលាយលក្ខណ៍អក្សរ។ អ្នកជ្រើសរើសដែលជៀសវាងរឿងទាំងនេះ គឺជាសញ្ញាព្រមាន។",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "នៅពេលមាននរណាម្នាក់ផ្ដល់ការងារនៅក្រៅប្រទេសឱ្យអ្នក តើជំហានដំបូងដែលមានសុវត្ថិភាពបំផុតគឺអ្វី?",
                        "options": [
                            "បង់ថ្លៃសេវាឱ្យលឿន កុំឱ្យបាត់ឱកាសការងារ",
                            "ពិនិត្យអាជ្ញាប័ណ្ណរបស់ក្រុមហ៊ុន តាមបញ្ជីរបស់ក្រសួង ឬតាមខ្សែទូរស័ព្ទជំនួយ",
                            "ប្រគល់លិខិតឆ្លងដែនរបស់អ្នកទៅអ្នកជ្រើសរើស ដើម្បីឱ្យគេរៀបចំឯកសារ",
                        ],
                        "correct_option": 2,
                        "explanation": "ការពិនិត្យជាមុនមិនចំណាយលុយទេ។ កុំបង់ប្រាក់ ឬប្រគល់លិខិតឆ្លងដែនរបស់អ្នក មុនពេលដឹងច្បាស់ថាក្រុមហ៊ុននោះមានអាជ្ញាប័ណ្ណ។",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "ពិនិត្យក្រុមហ៊ុន ឬសុំដំបូន្មាន",
                        "entries": ["migrant-helpline", "legal-aid-national"],
                    },
                ),
            ],
        },
        "en": {
            "title": "Is this recruitment agency licensed?",
            "summary": "Participants learn the difference between a licensed recruitment agency and an unlicensed broker, and practise checking an agency before anyone signs or pays anything.",
            "learning_objectives": (
                "<ul>"
                "<li>Explain why it matters to use a recruitment agency licensed by the Ministry of Labour and Vocational Training.</li>"
                "<li>Name three ways to check an agency: its licence, its office, and the Ministry's list or the helpline.</li>"
                "<li>Recognise the warning signs of an unlicensed broker.</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul>"
                "<li>Flip chart paper and markers</li>"
                "<li>Two printed job advertisements: one from a licensed agency with full details, one from a broker with only a phone number</li>"
                "<li>The helpline number from the help directory, written large</li>"
                "</ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "information",
                        "text": "<p>A licensed agency has an office you can visit, a licence from the Ministry of Labour and Vocational Training, and gives you a written contract before you leave. A broker who only meets you in the village and asks for cash is a warning sign.</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "Two job advertisements",
                        "minutes": 20,
                        "steps": [
                            "Split the participants into small groups of four or five and give each group the two job advertisements.",
                            "Each group lists what they know, and what is missing, about each job: the agency, the employer, the work, the wages and the costs.",
                            "Each group decides which job they would check first and which questions they would ask the agency.",
                            "Groups share their answers. Write the questions on the flip chart under the heading 'Questions to ask an agency'.",
                        ],
                        "facilitator_tip": "Make sure the list includes the licence number, the office address, the employer's name and address, the wages, and every fee in writing. Keep the flip chart for the next lesson.",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "How to check an agency",
                        "minutes": 10,
                        "steps": [
                            "Explain the three checks: ask to see the licence, visit the office, and check the agency's name on the Ministry's list or by calling the helpline.",
                            "Show the helpline number and ask two volunteers to act out the call: one asks about an agency, the other answers as the helpline.",
                        ],
                        "facilitator_tip": "If nobody has a phone with credit, practise the call anyway: what matters is knowing what to ask.",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "Dara meets a broker",
                        "story": "<p>Dara is 20 and lives in Prey Veng. A man from the next village tells him about construction work in Thailand that pays 10,000 baht a month. The man says there is no need for a passport: he will take Dara across the border himself for 3,000 baht, to be paid now, and Dara can start work the following week. The man has no office and no written contract, only a phone number.</p>",
                        "questions": [
                            "What are the warning signs in this offer?",
                            "What should Dara check before he decides?",
                            "Who could Dara ask for advice in his commune?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "Why do some people in our village use brokers instead of licensed agencies?",
                            "What could happen to a worker who crosses the border without legal documents?",
                            "How can we share the helpline number with the families in our commune?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "Use only recruitment agencies licensed by the Ministry of Labour and Vocational Training.",
                            "Visit the agency's office and ask to see its licence before you pay anything.",
                            "If you are not sure, call the helpline and ask before you sign or pay.",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "Which of these is a sign that a recruiter may not be licensed?",
                        "options": [
                            "They have an office and show you their licence",
                            "They only meet you in the village and want cash straight away",
                            "They give you a contract in Khmer",
                        ],
                        "correct_option": 2,
                        "explanation": "A licensed agency has an office and gives receipts and a written contract. A recruiter who avoids all of this is a warning sign.",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "When someone offers you a job abroad, what is the safest first step?",
                        "options": [
                            "Pay the fee quickly so that you do not lose the job",
                            "Check the agency's licence on the Ministry's list or with the helpline",
                            "Give your passport to the recruiter so they can prepare the papers",
                        ],
                        "correct_option": 2,
                        "explanation": "Checking first costs nothing. Never pay or hand over your passport before you know the agency is licensed.",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "Check an agency or ask for advice",
                        "entries": ["migrant-helpline", "legal-aid-national"],
                    },
                ),
            ],
        },
    },
    {
        "slug": "contracts-and-documents",
        "module": "preparing-to-migrate-safely",
        "duration_minutes": 75,
        "topics": ["contracts-documents"],
        "audiences": ["youth", "parents"],
        "km": {
            "title": "កិច្ចសន្យាការងារ និងឯកសាររបស់អ្នក",
            "summary": "អ្នកចូលរួមនឹងរៀនពីអ្វីដែលកិច្ចសន្យាការងារដ៏ត្រឹមត្រូវត្រូវមាន ឯកសារណាខ្លះដែលពលករចំណាកស្រុកត្រូវការ និងមូលហេតុដែលត្រូវរក្សាលិខិតឆ្លងដែន និងកិច្ចសន្យាដោយខ្លួនឯងជានិច្ច។",
            "learning_objectives": (
                "<ul>"
                "<li>រាយអ្វីដែលកិច្ចសន្យាការងារត្រូវបញ្ជាក់៖ និយោជក ប្រភេទការងារ ទីកន្លែងធ្វើការ ប្រាក់ឈ្នួល ម៉ោងធ្វើការ ថ្ងៃឈប់សម្រាក រយៈពេលកិច្ចសន្យា និងអ្នកដែលត្រូវចេញថ្លៃចំណាយ។</li>"
                "<li>ប្រាប់ឈ្មោះឯកសារដែលត្រូវការ ដើម្បីធ្វើការនៅក្រៅប្រទេសដោយស្របច្បាប់៖ លិខិតឆ្លងដែន ទិដ្ឋាការ និងប័ណ្ណការងារ។</li>"
                "<li>ពន្យល់ពីមូលហេតុដែលពលករត្រូវរក្សាលិខិតឆ្លងដែនដោយខ្លួនឯង ហើយទុកច្បាប់ចម្លងឯកសារទាំងអស់នៅជាមួយក្រុមគ្រួសារ។</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul>"
                "<li>គំរូកិច្ចសន្យាការងារជាភាសាខ្មែរ មួយច្បាប់សម្រាប់ក្រុមតូចនីមួយៗ</li>"
                "<li>ក្រដាសផ្ទាំងធំ ប៊ិចហ្វឺត និងប៊ិចពណ៌</li>"
                "<li>ក្រដាសផ្ទាំង «សំណួរដែលត្រូវសួរក្រុមហ៊ុន» ពីមេរៀនមុន</li>"
                "<li>ស្រោមសំបុត្រ មួយសម្រាប់អ្នកចូលរួមម្នាក់</li>"
                "</ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "<p><strong>កុំចុះហត្ថលេខាលើកិច្ចសន្យាដែលអ្នកមិនទាន់បានអាន ឬមិនយល់</strong> ហើយកុំចុះហត្ថលេខាលើក្រដាសទទេជាដាច់ខាត។ សូមសុំកិច្ចសន្យាជាភាសាខ្មែរ ហើយយកច្បាប់ចម្លងមកផ្ទះ មុនពេលចុះហត្ថលេខា។</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "អានកិច្ចសន្យា",
                        "minutes": 30,
                        "steps": [
                            "ឱ្យគំរូកិច្ចសន្យាមួយច្បាប់ និងប៊ិចពណ៌មួយដើម ទៅក្រុមតូចនីមួយៗ។",
                            "ក្រុមនីមួយៗស្វែងរក ហើយគូសរង្វង់៖ ឈ្មោះ និងអាសយដ្ឋាននិយោជក ប្រភេទការងារ ប្រាក់ឈ្នួល ម៉ោងធ្វើការ ថ្ងៃឈប់សម្រាក រយៈពេលកិច្ចសន្យា និងអ្នកដែលចេញថ្លៃធ្វើដំណើរ និងថ្លៃឯកសារ។",
                            "ឱ្យក្រុមនីមួយៗសរសេរចំណុចណាដែលខ្វះ ឬមិនច្បាស់។",
                            "ប្រមូលក្រុមទាំងអស់មកវិញ ហើយប្រៀបធៀប៖ តើគេនឹងសុំឱ្យក្រុមហ៊ុនកែប្រែ ឬពន្យល់ចំណុចអ្វីខ្លះ មុនពេលចុះហត្ថលេខា?",
                        ],
                        "facilitator_tip": "គំរូកិច្ចសន្យានេះ ត្រូវបានរៀបចំដោយចេតនាឱ្យខ្វះព័ត៌មានអំពីប្រាក់ម៉ោងបន្ថែម និងថ្ងៃឈប់សម្រាក។ សូមមើលថាតើក្រុមនានាកត់សម្គាល់ឃើញឬទេ។ សូមសរសើររាល់សំណួរ ព្រោះការហ៊ានសួរ គឺជាជំនាញដែលយើងចង់បង្កើត។",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "ស្រោមសំបុត្រឯកសារ",
                        "minutes": 15,
                        "steps": [
                            "សួរអ្នកចូលរួមថា តើពលករត្រូវការឯកសារអ្វីខ្លះ ដើម្បីទៅធ្វើការនៅក្រៅប្រទេសដោយស្របច្បាប់។ សរសេរចម្លើយលើក្រដាសផ្ទាំងធំ (លិខិតឆ្លងដែន ទិដ្ឋាការ ប័ណ្ណការងារ កិច្ចសន្យា)។",
                            "ពន្យល់ថា ពលកររក្សាឯកសារដើមដោយខ្លួនឯង ហើយក្រុមគ្រួសាររក្សាច្បាប់ចម្លងនៃឯកសារនីមួយៗ ក្នុងស្រោមសំបុត្រមួយនៅផ្ទះ រួមជាមួយអាសយដ្ឋាន និងលេខទូរស័ព្ទរបស់ក្រុមហ៊ុន និងនិយោជក។",
                            "អ្នកចូលរួមម្នាក់ៗសរសេរលើស្រោមសំបុត្ររបស់ខ្លួនថា តើនឹងដាក់អ្វីខ្លះនៅក្នុងនោះ ហើយនរណានៅផ្ទះជាអ្នករក្សាទុក។",
                        ],
                        "facilitator_tip": "ណែនាំឱ្យថតរូបឯកសារនីមួយៗទុកក្នុងទូរស័ព្ទ ហើយផ្ញើទៅសមាជិកគ្រួសារដែលទុកចិត្តផងដែរ។",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "លិខិតឆ្លងដែនរបស់ស្រីពៅ",
                        "story": "<p>ស្រីពៅ អាយុ ២៣ឆ្នាំ បានទៅធ្វើការនៅរោងចក្រមួយក្នុងប្រទេសម៉ាឡេស៊ី តាមរយៈក្រុមហ៊ុនជ្រើសរើសពលករ។ ពេលទៅដល់ ប្រធានក្រុមរបស់នាងបានយកលិខិតឆ្លងដែនរបស់នាង ដោយនិយាយថា «យកទុកឱ្យ កុំឱ្យបាត់»។ ប្រាំមួយខែក្រោយមក នាងចង់ត្រឡប់មកសួរសុខទុក្ខម្ដាយដែលកំពុងឈឺ ប៉ុន្តែក្រុមហ៊ុនប្រាប់ថា នាងមិនអាចយកលិខិតឆ្លងដែនវិញបានទេ រហូតដល់កិច្ចសន្យារយៈពេលពីរឆ្នាំបញ្ចប់។ ស្រីពៅគ្មានច្បាប់ចម្លងកិច្ចសន្យាទេ ហើយក៏ចាំមិនបានថា កិច្ចសន្យាចែងយ៉ាងណាអំពីការឈប់សម្រាកដែរ។</p>",
                        "questions": [
                            "តើនិយោជកមានសិទ្ធិរក្សាលិខិតឆ្លងដែនរបស់ស្រីពៅឬទេ?",
                            "តើអ្វីខ្លះអាចជួយស្រីពៅក្នុងស្ថានភាពនេះ?",
                            "តើឥឡូវនេះ ស្រីពៅអាចទាក់ទងនរណាបាន?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "ហេតុអ្វីបានជានិយោជកខ្លះចង់រក្សាលិខិតឆ្លងដែនរបស់ពលករ?",
                            "តើពលករគួរធ្វើដូចម្ដេច ប្រសិនបើការងារខុសពីអ្វីដែលមានចែងក្នុងកិច្ចសន្យា?",
                            "តើឪពុកម្ដាយអាចជួយកូនៗពិនិត្យកិច្ចសន្យា មុនពេលចេញដំណើរដោយរបៀបណា?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "អានកិច្ចសន្យាជាភាសាខ្មែរ មុនពេលចុះហត្ថលេខា ហើយរក្សាច្បាប់ចម្លងមួយទុកដោយខ្លួនឯង។",
                            "លិខិតឆ្លងដែនជារបស់អ្នក៖ កុំប្រគល់ឱ្យនិយោជក ឬក្រុមហ៊ុនរក្សាទុកជាដាច់ខាត។",
                            "ទុកច្បាប់ចម្លងលិខិតឆ្លងដែន ទិដ្ឋាការ ប័ណ្ណការងារ និងកិច្ចសន្យា នៅជាមួយក្រុមគ្រួសាររបស់អ្នក។",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "តើនរណាគួររក្សាលិខិតឆ្លងដែនរបស់អ្នក ពេលអ្នកធ្វើការនៅក្រៅប្រទេស?",
                        "options": ["និយោជករបស់អ្នក", "ក្រុមហ៊ុនជ្រើសរើសពលករ", "ខ្លួនអ្នកផ្ទាល់"],
                        "correct_option": 3,
                        "explanation": "លិខិតឆ្លងដែនជារបស់ពលករ។ ការដែលនិយោជក ឬក្រុមហ៊ុនរក្សាទុក គឺជាសញ្ញានៃពលកម្មដោយបង្ខំ ហើយធ្វើឱ្យពលករពិបាកចាកចេញ ឬស្វែងរកជំនួយ។",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "តើកិច្ចសន្យាការងារដ៏ត្រឹមត្រូវ ត្រូវបញ្ជាក់អំពីអ្វី?",
                        "options": [
                            "ប្រាក់ឈ្នួល ម៉ោងធ្វើការ និងថ្ងៃឈប់សម្រាក",
                            "មានតែឈ្មោះប្រទេសប៉ុណ្ណោះ",
                            "មានតែថ្ងៃចេញដំណើរប៉ុណ្ណោះ",
                        ],
                        "correct_option": 1,
                        "explanation": "យ៉ាងហោចណាស់ កិច្ចសន្យាត្រូវបញ្ជាក់ថា នរណាជានិយោជក ប្រភេទការងារ ទីកន្លែងធ្វើការ ប្រាក់ឈ្នួល ម៉ោងធ្វើការ ថ្ងៃឈប់សម្រាក និងរយៈពេលកិច្ចសន្យា។",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "សំណួរអំពីកិច្ចសន្យា",
                        "entries": [
                            "legal-aid-national",
                            "legal-aid-siem-reap",
                            "migrant-helpline",
                        ],
                    },
                ),
            ],
        },
        "en": {
            "title": "Contracts and your documents",
            "summary": "Participants learn what a fair employment contract must say, which documents a migrant worker needs, and why you always keep your own passport and contract.",
            "learning_objectives": (
                "<ul>"
                "<li>List what an employment contract must state: the employer, the job, the workplace, the wages, the working hours, the days off, the length of the contract and who pays the costs.</li>"
                "<li>Name the documents needed to work abroad legally: passport, visa and work permit.</li>"
                "<li>Explain why workers keep their own passport and leave copies of every document with their family.</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul>"
                "<li>A sample employment contract in Khmer, one copy per small group</li>"
                "<li>Flip chart paper, markers and coloured pens</li>"
                "<li>The 'Questions to ask an agency' flip chart from the previous lesson</li>"
                "<li>Envelopes, one per participant</li>"
                "</ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "<p><strong>Never sign a contract you have not read or do not understand</strong>, and never sign a blank page. Ask for the contract in Khmer and take a copy home before you sign.</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "Read the contract",
                        "minutes": 30,
                        "steps": [
                            "Give each small group a sample contract and a coloured pen.",
                            "Groups find and circle: the employer's name and address, the job, the wages, the working hours, the days off, the length of the contract, and who pays for travel and documents.",
                            "Each group writes down anything that is missing or unclear.",
                            "Bring the groups together and compare: what would they ask the agency to change or explain before signing?",
                        ],
                        "facilitator_tip": "The sample contract leaves out overtime pay and days off on purpose: see whether the groups notice. Praise every question, because daring to ask is the skill we want to build.",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "The document envelope",
                        "minutes": 15,
                        "steps": [
                            "Ask the participants which documents a worker needs to work abroad legally. Write the answers on the flip chart (passport, visa, work permit, contract).",
                            "Explain that the worker keeps the originals, and the family keeps a copy of each in an envelope at home, with the addresses and phone numbers of the agency and the employer.",
                            "Each participant writes on their envelope what they would put in it and who at home would keep it.",
                        ],
                        "facilitator_tip": "Suggest also taking a photo of each document on the phone and sending it to a trusted family member.",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "Srey Pov's passport",
                        "story": "<p>Srey Pov, 23, went to work in a factory in Malaysia through a recruitment agency. When she arrived, her supervisor took her passport, saying it was 'for safekeeping'. Six months later she wanted to come home to visit her mother, who was ill, but the company said she could not have her passport back until her two-year contract ended. Srey Pov had no copy of her contract and could not remember what it said about leave.</p>",
                        "questions": [
                            "Is the employer allowed to keep Srey Pov's passport?",
                            "What could have helped Srey Pov in this situation?",
                            "Who can Srey Pov contact now?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "Why might an employer want to keep a worker's passport?",
                            "What should a worker do if the job is different from what the contract says?",
                            "How can parents help their children check a contract before they leave?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "Read the contract in Khmer before you sign it, and keep your own copy.",
                            "Your passport belongs to you: never give it to an employer or an agency to keep.",
                            "Leave copies of your passport, visa, work permit and contract with your family.",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "Who should keep your passport while you work abroad?",
                        "options": ["Your employer", "The recruitment agency", "You"],
                        "correct_option": 3,
                        "explanation": "The passport belongs to the worker. An employer or agency keeping it is a sign of forced labour, and makes it hard for the worker to leave or to get help.",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "What must a fair employment contract state?",
                        "options": [
                            "The wages, the working hours and the days off",
                            "Only the name of the country",
                            "Only the date you leave",
                        ],
                        "correct_option": 1,
                        "explanation": "At the least, a contract must say who the employer is, the job, the workplace, the wages, the working hours, the days off and how long the contract lasts.",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "Questions about a contract",
                        "entries": [
                            "legal-aid-national",
                            "legal-aid-siem-reap",
                            "migrant-helpline",
                        ],
                    },
                ),
            ],
        },
    },
    {
        "slug": "fees-and-debt",
        "module": "preparing-to-migrate-safely",
        "duration_minutes": 60,
        "topics": ["fees-debt", "recruitment-agencies"],
        "audiences": ["youth", "parents", "commune-councils"],
        "km": {
            "title": "ថ្លៃសេវា ប្រាក់កម្ចី និងការជាប់បំណុល",
            "summary": "អ្នកចូលរួមនឹងគណនាថ្លៃចំណាយពិតប្រាកដនៃការធ្វើចំណាកស្រុក ស្វែងយល់ពីរបៀបដែលថ្លៃសេវាជ្រើសរើស និងប្រាក់កម្ចី អាចក្លាយទៅជាការជាប់បំណុល ហើយរៀបចំផែនការធ្វើចំណាកស្រុក ដោយមិនជាប់បំណុលដែលមិនអាចសងបាន។",
            "learning_objectives": (
                "<ul>"
                "<li>បូកសរុបថ្លៃចំណាយពិតប្រាកដនៃការធ្វើចំណាកស្រុក រួមមានថ្លៃសេវា ថ្លៃធ្វើដំណើរ ថ្លៃឯកសារ និងថ្លៃរស់នៅក្នុងខែដំបូងៗនៅក្រៅប្រទេស។</li>"
                "<li>ពន្យល់ថាការជាប់បំណុលជាអ្វី និងរបៀបដែលបំណុលអាចត្រូវបានប្រើ ដើម្បីគ្រប់គ្រងពលករ។</li>"
                "<li>ប្រាប់ពីជម្រើសដែលមានសុវត្ថិភាពជាង៖ ថ្លៃសេវាជាលាយលក្ខណ៍អក្សរ មានបង្កាន់ដៃ គ្មានការកាត់ប្រាក់ខែដែលអ្នកមិនបានយល់ព្រម និងសុំដំបូន្មានមុនពេលខ្ចីប្រាក់។</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul>"
                "<li>កាតថ្លៃចំណាយ (ថ្លៃសេវា លិខិតឆ្លងដែន ការធ្វើដំណើរ ការពិនិត្យសុខភាព ម្ហូបអាហារ និងថ្លៃផ្ទះសម្រាប់ខែដំបូង) មួយឈុតសម្រាប់ក្រុមនីមួយៗ</li>"
                "<li>ម៉ាស៊ីនគិតលេខ ឬទូរស័ព្ទ</li>"
                "<li>ក្រដាសផ្ទាំងធំ និងប៊ិចហ្វឺត</li>"
                "</ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "information",
                        "text": "<p>សូមសុំឱ្យគេប្រាប់ថ្លៃសេវាទាំងអស់<strong>ជាលាយលក្ខណ៍អក្សរ</strong> ហើយរក្សាបង្កាន់ដៃទាំងអស់ទុក។ ការងារដែលថា «មិនគិតថ្លៃ» ឥឡូវនេះ ប៉ុន្តែកាត់ពីប្រាក់ខែរបស់អ្នកនៅពេលក្រោយ អាចធ្វើឱ្យអ្នកជំពាក់ច្រើនជាងប្រាក់ដែលអ្នករកបាន។</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "តើការធ្វើចំណាកស្រុកចំណាយអស់ប៉ុន្មានពិតប្រាកដ?",
                        "minutes": 25,
                        "steps": [
                            "ឱ្យកាតថ្លៃចំណាយមួយឈុតទៅក្រុមនីមួយៗ ព្រមទាំងប្រាប់ប្រាក់ខែប្រចាំខែនៃការងារគំរូមួយ (ឧទាហរណ៍ ប្រាំបួនពាន់បាត)។",
                            "ក្រុមនីមួយៗបូកសរុបថ្លៃចំណាយទាំងអស់សម្រាប់ការចេញដំណើរ បន្ទាប់មកបូកថ្លៃរស់នៅប្រចាំខែនៅក្រៅប្រទេស។",
                            "សួរថា៖ តើត្រូវធ្វើការប៉ុន្មានខែ ទើបអាចរកប្រាក់បានគ្រប់ថ្លៃចំណាយទាំងនោះ? ចុះបើប្រាក់ខែទាបជាងការសន្យា ឬមានប្រាក់កម្ចីដែលមានការប្រាក់ វិញ?",
                            "ក្រុមនីមួយៗចែករំលែកចម្លើយ ហើយអ្នកសម្របសម្រួលសរសេរចំនួនខែរបស់ក្រុមនីមួយៗ លើក្រដាសផ្ទាំងធំ។",
                        ],
                        "facilitator_tip": "អ្នកចូលរួមច្រើនតែភ្ញាក់ផ្អើល ពេលឃើញថាត្រូវចំណាយពេលយូរប៉ុណ្ណា ទើបរកប្រាក់បានគ្រប់ថ្លៃដើម។ ទុកឱ្យតួលេខនិយាយដោយខ្លួនវា។ កុំប្រាប់នរណាម្នាក់ថាការធ្វើចំណាកស្រុកជារឿងខុស គ្រាន់តែបង្ហាញពីរបៀបធ្វើវាឱ្យមានសុវត្ថិភាព។",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "ជណ្ដើរបំណុល",
                        "minutes": 15,
                        "steps": [
                            "គូររូបជណ្ដើរមួយលើក្រដាសផ្ទាំងធំ។ នៅលើកាំជណ្ដើរខាងក្រោមបង្អស់ សរសេរថា «ខ្ចីប្រាក់បួនលានរៀល ពីអ្នកឱ្យខ្ចីប្រាក់»។",
                            "សួរក្រុមថា តើអាចមានអ្វីកើតឡើងបន្ទាប់ ម្ដងមួយកាំៗ (ការប្រាក់កើនឡើង ប្រាក់ខែទាបជាងការសន្យា និយោជកកាត់ប្រាក់ថ្លៃម្ហូប និងថ្លៃស្នាក់នៅ ក្រុមគ្រួសារខ្ចីបន្ថែមទៀត)។",
                            "នៅកាំនីមួយៗ សួរថា តើពលករ ឬក្រុមគ្រួសារអាចធ្វើអ្វី ដើម្បីចុះពីជណ្ដើរនេះវិញ៖ សុំដំបូន្មាន ពិនិត្យការកាត់ប្រាក់ខែធៀបនឹងកិច្ចសន្យា ហៅទៅខ្សែទូរស័ព្ទជំនួយ។",
                        ],
                        "facilitator_tip": "គ្រួសារខ្លះនៅក្នុងក្រុម ប្រហែលជាកំពុងជាប់បំណុលនៅពេលនេះ។ សូមនិយាយអំពី «គ្រួសារមួយ» នៅក្នុងរឿង កុំនិយាយសំដៅលើនរណាម្នាក់ដែលមានវត្តមាននៅទីនេះ។",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "ប្រាក់កម្ចីរបស់សុគន្ធ",
                        "story": "<p>ដើម្បីបង់ថ្លៃឱ្យមេខ្យល់សម្រាប់ការងារមួយនៅប្រទេសថៃ ឪពុកម្ដាយរបស់សុគន្ធបានខ្ចីប្រាក់បួនលានរៀល ពីអ្នកឱ្យខ្ចីប្រាក់ម្នាក់ ដោយការប្រាក់បីភាគរយក្នុងមួយខែ ហើយដាក់ដីស្រែរបស់ខ្លួនធ្វើជាវត្ថុធានា។ នៅប្រទេសថៃ និយោជកបានកាត់ប្រាក់ខែរៀងរាល់ខែ សម្រាប់ថ្លៃស្នាក់នៅ ថ្លៃម្ហូប និង «ថ្លៃជ្រើសរើស»។ មួយឆ្នាំក្រោយមក សុគន្ធស្ទើរតែមិនអាចផ្ញើប្រាក់ទៅផ្ទះបានសោះ បំណុលកាន់តែច្រើនជាងមុន ហើយនិយោជកប្រាប់ថា សុគន្ធមិនអាចចាកចេញបានទេ រហូតដល់សងអស់។</p>",
                        "questions": [
                            "តើនៅត្រង់ចំណុចណាខ្លះ ដែលគ្រួសាររបស់សុគន្ធអាចសម្រេចចិត្តខុសពីនេះ?",
                            "តើវាយុត្តិធម៌ឬទេ ដែលនិយោជកជាអ្នកសម្រេចថាពេលណាសុគន្ធអាចចាកចេញបាន?",
                            "តើក្រុមគ្រួសារអាចសុំដំបូន្មានអំពីប្រាក់កម្ចី និងការកាត់ប្រាក់ខែ ពីកន្លែងណា?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "ហេតុអ្វីបានជាក្រុមគ្រួសារខ្ចីប្រាក់សម្រាប់ការធ្វើចំណាកស្រុក ហើយខ្ចីពីនរណា?",
                            "តើប្រាក់កម្ចីធម្មតា និងការជាប់បំណុល ខុសគ្នាយ៉ាងដូចម្ដេច?",
                            "តើក្រុមប្រឹក្សាឃុំអាចជួយក្រុមគ្រួសារ ដែលជាប់បំណុលដោយសារការធ្វើចំណាកស្រុក ដោយរបៀបណា?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "សុំឱ្យគេប្រាប់ថ្លៃសេវាទាំងអស់ជាលាយលក្ខណ៍អក្សរ ហើយរក្សាបង្កាន់ដៃទាំងអស់ទុក។",
                            "គណនាថ្លៃចំណាយពិតប្រាកដ និងចំនួនខែដែលត្រូវការដើម្បីសងវិញ មុនពេលខ្ចីប្រាក់។",
                            "បំណុលដែលនិយោជក ឬមេខ្យល់ប្រើ ដើម្បីរារាំងមិនឱ្យអ្នកចាកចេញ គឺជាការជាប់បំណុល ដែលជាទម្រង់មួយនៃពលកម្មដោយបង្ខំ៖ សូមស្វែងរកជំនួយ។",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "តើការជាប់បំណុលគឺជាអ្វី?",
                        "options": [
                            "ការខ្ចីប្រាក់ពីធនាគារ ដើម្បីសាងសង់ផ្ទះ",
                            "បំណុលដែលត្រូវបានប្រើ ដើម្បីបង្ខំពលករឱ្យបន្តធ្វើការ និងមិនឱ្យចាកចេញ",
                            "ការបង់ថ្លៃសេវាទៅក្រុមហ៊ុនដែលមានអាជ្ញាប័ណ្ណ ដោយមានបង្កាន់ដៃ",
                        ],
                        "correct_option": 2,
                        "explanation": "ការជាប់បំណុល គឺនៅពេលដែលបំណុលត្រូវបានប្រើ ដើម្បីគ្រប់គ្រងពលករ៖ ពលករមិនអាចចាកចេញ ឬបដិសេធការងារបានទេ រហូតដល់សងអស់ ហើយបំណុលនោះច្រើនតែចេះតែកើនឡើង។",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "តើមួយណាជាវិធីដែលមានសុវត្ថិភាពបំផុត ក្នុងការបង់ថ្លៃចំណាយនៃការធ្វើចំណាកស្រុក?",
                        "options": [
                            "ឱ្យប្រាក់សុទ្ធទៅមេខ្យល់ ដោយគ្មានបង្កាន់ដៃ",
                            "បង់ថ្លៃសេវាដែលបានព្រមព្រៀងជាលាយលក្ខណ៍អក្សរ ទៅក្រុមហ៊ុនដែលមានអាជ្ញាប័ណ្ណ ដោយមានបង្កាន់ដៃ",
                            "ទុកឱ្យនិយោជកកាត់ប្រាក់ខែរបស់អ្នកតាមចិត្ត",
                        ],
                        "correct_option": 2,
                        "explanation": "ថ្លៃសេវាជាលាយលក្ខណ៍អក្សរ និងបង្កាន់ដៃ ជួយអ្នកបញ្ជាក់ពីប្រាក់ដែលអ្នកបានបង់ និងទាមទារប្រាក់ដែលគេយកដោយអយុត្តិធម៌មកវិញ។",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "ដំបូន្មានអំពីថ្លៃសេវា ប្រាក់ឈ្នួល និងបំណុល",
                        "entries": [
                            "legal-aid-national",
                            "migrant-helpline",
                            "counselling-by-phone",
                        ],
                    },
                ),
            ],
        },
        "en": {
            "title": "Fees, loans and debt bondage",
            "summary": "Participants work out what migrating really costs, learn how recruitment fees and loans can turn into debt bondage, and plan how to migrate without a debt they cannot repay.",
            "learning_objectives": (
                "<ul>"
                "<li>Add up the real cost of migrating, including fees, travel, documents and living costs in the first months abroad.</li>"
                "<li>Explain what debt bondage is and how a debt can be used to control a worker.</li>"
                "<li>Name safer choices: fees in writing with receipts, no deductions from wages you did not agree to, and advice before borrowing.</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul>"
                "<li>Cost cards (fees, passport, travel, medical check, food and rent for the first month), one set per group</li>"
                "<li>Calculators or phones</li>"
                "<li>Flip chart paper and markers</li>"
                "</ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "information",
                        "text": "<p>Ask for every fee <strong>in writing</strong> and keep every receipt. A job that is 'free' now but takes money from your wages later can leave you owing more than you earn.</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "What does migrating really cost?",
                        "minutes": 25,
                        "steps": [
                            "Give each group a set of cost cards and the monthly wage of a sample job (for example 9,000 baht).",
                            "Groups add up all the costs of leaving, then the costs of living abroad each month.",
                            "Ask: how many months of work does it take to earn back these costs? What if the wage is lower than promised, or there is a loan with interest?",
                            "Groups share their answers, and the facilitator writes each group's number of months on the flip chart.",
                        ],
                        "facilitator_tip": "Participants are often surprised by how long it takes to earn back the costs. Let the numbers speak. Do not tell anyone that migrating is wrong; only show how to do it safely.",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "The debt ladder",
                        "minutes": 15,
                        "steps": [
                            "Draw a ladder on the flip chart. On the bottom step, write 'Borrow 4 million riel from a moneylender'.",
                            "Ask the group what could happen next, one step at a time (the interest grows, the wage is lower than promised, the employer deducts food and housing, the family borrows more).",
                            "At each step, ask what the worker or the family could do to climb back down: ask for advice, check the deductions against the contract, call the helpline.",
                        ],
                        "facilitator_tip": "Some families in the group may be in debt right now. Talk about 'a family' in the story, never about anyone in the room.",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "Sokun's loan",
                        "story": "<p>To pay a broker for a job in Thailand, Sokun's parents borrowed 4 million riel from a moneylender at 3% interest a month, with their rice field as the guarantee. In Thailand, the employer took money from Sokun's wages every month for housing, food and 'recruitment costs'. A year later Sokun could still send almost nothing home, the debt was bigger than before, and the employer said Sokun could not leave until everything was repaid.</p>",
                        "questions": [
                            "At which points could Sokun's family have made a different choice?",
                            "Is it fair that the employer decides when Sokun may leave?",
                            "Where could the family get advice about the loan and the deductions?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "Why do families borrow money to migrate, and who do they borrow from?",
                            "What is the difference between an ordinary loan and debt bondage?",
                            "How can the commune council help families who are in debt because of migration?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "Ask for every fee in writing and keep all your receipts.",
                            "Before you borrow, work out the real costs and how many months it takes to pay them back.",
                            "A debt that an employer or broker uses to stop you leaving is debt bondage, a form of forced labour: get help.",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "What is debt bondage?",
                        "options": [
                            "Borrowing money from a bank to build a house",
                            "A debt used to force a worker to keep working and to stop them leaving",
                            "Paying a fee to a licensed agency, with a receipt",
                        ],
                        "correct_option": 2,
                        "explanation": "Debt bondage is when a debt is used to control a worker: they cannot leave or refuse work until it is repaid, and the debt often keeps growing.",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "Which is the safest way to pay the costs of migrating?",
                        "options": [
                            "Cash to a broker, with no receipt",
                            "Fees agreed in writing, paid to a licensed agency, with receipts",
                            "Let the employer deduct whatever they want from your wages",
                        ],
                        "correct_option": 2,
                        "explanation": "Fees in writing and receipts help you prove what you paid and claim back money that was taken unfairly.",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "Advice about fees, wages and debt",
                        "entries": [
                            "legal-aid-national",
                            "migrant-helpline",
                            "counselling-by-phone",
                        ],
                    },
                ),
            ],
        },
    },
    {
        "slug": "signs-of-trafficking",
        "module": "staying-safe-abroad",
        "duration_minutes": 90,
        "topics": ["trafficking-signs", "getting-help"],
        "audiences": ["youth", "parents", "returnees"],
        "safeguarding_extra": SAFEGUARDING_RETURNEES,
        "km": {
            "title": "សញ្ញានៃការជួញដូរមនុស្ស និងពលកម្មដោយបង្ខំ",
            "summary": "អ្នកចូលរួមនឹងរៀនស្គាល់សញ្ញាដែលបង្ហាញថា ពលករចំណាកស្រុកម្នាក់កំពុងត្រូវបានគេជួញដូរ ឬបង្ខំឱ្យធ្វើការ រួមទាំងនៅក្នុងទីតាំងបោកប្រាស់តាមអនឡាញ ហើយដឹងពីអ្វីដែលសមាជិកគ្រួសារ ឬមិត្តភក្តិអាចធ្វើបានដោយសុវត្ថិភាព។",
            "learning_objectives": (
                "<ul>"
                "<li>ពន្យល់ពីការជួញដូរមនុស្សជាពាក្យសាមញ្ញ៖ មនុស្សម្នាក់ត្រូវគេបោកប្រាស់ ឬបង្ខំ ត្រូវគេនាំយកទៅកន្លែងផ្សេង ហើយត្រូវគេកេងប្រវ័ញ្ច។</li>"
                "<li>ស្គាល់សញ្ញាទូទៅនៃពលកម្មដោយបង្ខំ៖ ឯកសារត្រូវគេដកហូត ប្រាក់ឈ្នួលត្រូវគេទប់ទុក គ្មានសេរីភាពចាកចេញ ការគំរាមកំហែង និងបំណុលដែលមិនចេះចប់។</li>"
                "<li>ដឹងពីអ្វីដែលត្រូវធ្វើ និងមិនត្រូវធ្វើ នៅពេលអ្នកគិតថានរណាម្នាក់កំពុងត្រូវបានគេជួញដូរ។</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul>"
                "<li>កាតស្ថានភាព៖ កាតនីមួយៗមានស្ថានភាពមួយ (សូមមើលសកម្មភាពទីមួយ)</li>"
                "<li>ស្កុត ឬខ្សែ សម្រាប់ធ្វើជាបន្ទាត់នៅលើឥដ្ឋ</li>"
                "<li>ក្រដាសផ្ទាំងធំ និងប៊ិចហ្វឺត</li>"
                "<li>ទំព័រកន្លែងទទួលជំនួយ ដែលបានបោះពុម្ព ឬបើកនៅលើទូរស័ព្ទ</li>"
                "</ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "safeguarding",
                        "text": "<p>មេរៀននេះអាចធ្វើឱ្យអ្នកខ្លះនឹកឃើញការឈឺចាប់ពីអតីតកាល ជាពិសេសពលករចំណាកស្រុកដែលបានវិលត្រឡប់មកវិញ។ នៅពេលចាប់ផ្ដើម សូមប្រាប់ក្រុមថា គ្មាននរណាម្នាក់ត្រូវចែករំលែករឿងផ្ទាល់ខ្លួនទេ ហើយអ្នកអាចនិយាយជាមួយគេដោយឡែក បន្ទាប់ពីមេរៀនចប់។</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "មានសុវត្ថិភាព ឬគ្មានសុវត្ថិភាព?",
                        "minutes": 30,
                        "steps": [
                            "ធ្វើបន្ទាត់មួយនៅលើឥដ្ឋ។ ចុងម្ខាងគឺ «មានសុវត្ថិភាព» ចុងម្ខាងទៀតគឺ «គ្មានសុវត្ថិភាព»។",
                            "អានកាតម្ដងមួយៗ ឧទាហរណ៍៖ «និយោជករក្សាលិខិតឆ្លងដែនរបស់អ្នក» «អ្នកអាចទូរស័ព្ទទៅក្រុមគ្រួសាររៀងរាល់សប្ដាហ៍» «គេចាក់សោអ្នកទុកក្នុងបន្ទប់ស្នាក់នៅពេលយប់» «ប្រាក់ខែរបស់អ្នកត្រូវបានបង់ចូលគណនីធនាគាររបស់អ្នកផ្ទាល់» «អ្នកត្រូវធ្វើការសងបំណុលឱ្យអស់ ទើបអាចចាកចេញបាន» «គេសន្យាឱ្យធ្វើការនៅរោងចក្រ ប៉ុន្តែបង្ខំឱ្យបោកប្រាស់មនុស្សតាមអនឡាញ»។",
                            "អ្នកចូលរួមឈរនៅលើបន្ទាត់ ត្រង់កន្លែងដែលគេគិតថាស្ថានភាពនោះស្ថិតនៅ ហើយឱ្យពីរបីនាក់ពន្យល់ពីមូលហេតុ។",
                            "បន្ទាប់ពីកាតនីមួយៗ ប្រាប់ថាតើវាជាសញ្ញានៃពលកម្មដោយបង្ខំឬទេ ហើយហេតុអ្វី។",
                        ],
                        "facilitator_tip": "ការឈរខុសកន្លែង មិនមែនជារឿងគួរឱ្យខ្មាសទេ។ សូមអរគុណអ្នកដែលពន្យល់ពីគំនិតរបស់ខ្លួន ព្រោះការសង្ស័យរបស់គេ ក៏ជាការសង្ស័យរបស់អ្នកជិតខាងគេដែរ។",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "បោកប្រាស់ នាំយក កេងប្រវ័ញ្ច",
                        "minutes": 25,
                        "steps": [
                            "គូរជួរឈរបីនៅលើក្រដាសផ្ទាំងធំ៖ «ត្រូវគេបោកប្រាស់ ឬបង្ខំ» «ត្រូវគេនាំយក» «ត្រូវគេកេងប្រវ័ញ្ច»។",
                            "អានរឿងរបស់វណ្ណាខាងក្រោមឱ្យឮៗ ហើយឱ្យក្រុមដាក់ផ្នែកនីមួយៗនៃរឿង ទៅក្នុងជួរឈរណាមួយ។",
                            "ពន្យល់ថា នៅពេលមានទាំងបីចំណុចនេះ គឺជាការជួញដូរមនុស្ស ហើយវាជាបទល្មើសប្រឆាំងនឹងពលករ។ ពលករជាជនរងគ្រោះ មិនមែនជាជនល្មើសទេ។",
                        ],
                        "facilitator_tip": "សូមសង្កត់ធ្ងន់ថា ជនរងគ្រោះនៃការជួញដូរមនុស្សមិនមែនជាអ្នកមានកំហុសទេ ទោះបីជាគេបានឆ្លងព្រំដែនដោយគ្មានឯកសារ ឬបានយល់ព្រមទៅដោយខ្លួនឯងនៅពេលដំបូងក៏ដោយ។",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "ការងារដែលមិនមែនជាការងារ",
                        "story": "<p>វណ្ណា អាយុ ១៩ឆ្នាំ បានឃើញការផ្សាយពាណិជ្ជកម្មមួយនៅលើបណ្ដាញសង្គម អំពីការងារផ្នែកបម្រើអតិថិជននៅប្រទេសជិតខាងមួយ៖ ប្រាក់ខែល្អ ស្នាក់នៅដោយឥតគិតថ្លៃ និងមានគេចេញថ្លៃធ្វើដំណើរឱ្យ។ អ្នកជ្រើសរើសដែលរួសរាយរាក់ទាក់ម្នាក់ បានរៀបចំអ្វីៗទាំងអស់ឱ្យ។ ពេលវណ្ណាទៅដល់ គេបានដកហូតលិខិតឆ្លងដែន និងទូរស័ព្ទរបស់គាត់ ហើយនាំគាត់ទៅអគារមួយដែលមានអ្នកយាម។ គេបង្គាប់ឱ្យគាត់បោកប្រាស់មនុស្សតាមអនឡាញ ១៤ម៉ោងក្នុងមួយថ្ងៃ ហើយប្រាប់ថាគាត់ជំពាក់ «ថ្លៃធ្វើដំណើរ» បីពាន់ដុល្លារអាមេរិក ដែលត្រូវសងឱ្យអស់សិន ទើបអាចចាកចេញបាន។ អ្នកដែលបដិសេធត្រូវគេវាយដំ។</p><p>ពីរខែក្រោយមក វណ្ណាបានលួចផ្ញើសារទៅបងស្រីរបស់គាត់ ពីទូរស័ព្ទរបស់មិត្តរួមការងារម្នាក់។</p>",
                        "questions": [
                            "តើអ្នកឃើញសញ្ញានៃការជួញដូរមនុស្សអ្វីខ្លះ នៅក្នុងរឿងរបស់វណ្ណា?",
                            "តើបងស្រីរបស់វណ្ណាគួរធ្វើអ្វី និងមិនគួរធ្វើអ្វី នៅពេលនាងទទួលបានសារនោះ?",
                            "តើយុវជនអាចពិនិត្យការផ្សាយពាណិជ្ជកម្មការងារតាមអនឡាញ មុនពេលចេញដំណើរដោយរបៀបណា?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "ហេតុអ្វីបានជាជនជួញដូរច្រើនតែប្រើមិត្តភក្តិ សាច់ញាតិ ឬបណ្ដាញសង្គម ដើម្បីស្វែងរកមនុស្ស?",
                            "ហេតុអ្វីបានជាជនរងគ្រោះនៃការជួញដូរមនុស្ស អាចខ្លាចមិនហ៊ានសុំជំនួយ?",
                            "តើក្លឹបយុវជនរបស់យើងអាចធ្វើអ្វីបាន នៅពេលក្រុមគ្រួសារមួយប្រាប់យើងថា ពួកគេបាត់ទំនាក់ទំនងជាមួយសមាជិកដែលទៅធ្វើចំណាកស្រុក?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "ប្រសិនបើអ្នកត្រូវគេបោកប្រាស់ ឬបង្ខំ នាំយកទៅកន្លែងផ្សេង ហើយកេងប្រវ័ញ្ច នោះគឺជាការជួញដូរមនុស្ស៖ វាជាបទល្មើស ហើយអ្នកមិនមែនជាអ្នកមានកំហុសទេ។",
                            "និយោជកដែលរក្សាលិខិតឆ្លងដែនរបស់អ្នក ទប់ប្រាក់ឈ្នួលរបស់អ្នក ឬរារាំងមិនឱ្យអ្នកចាកចេញ គឺកំពុងល្មើសច្បាប់។",
                            "កុំស៊ើបអង្កេត ឬប្រឈមមុខជាមួយនរណាម្នាក់ដោយខ្លួនឯង៖ សូមហៅទៅខ្សែទូរស័ព្ទជំនួយ ហើយប្រាប់មន្ត្រីកម្មវិធី។",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "តើមួយណាជាសញ្ញានៃពលកម្មដោយបង្ខំ?",
                        "options": [
                            "អ្នកបានឈប់សម្រាកមួយថ្ងៃ រៀងរាល់សប្ដាហ៍",
                            "និយោជករក្សាលិខិតឆ្លងដែនរបស់អ្នក ហើយមិនអនុញ្ញាតឱ្យអ្នកចាកចេញ",
                            "ប្រាក់ខែរបស់អ្នកត្រូវបានបង់ទាន់ពេល ចូលគណនីរបស់អ្នកផ្ទាល់",
                        ],
                        "correct_option": 2,
                        "explanation": "ការដកហូតឯកសាររបស់ពលករ និងការរឹតត្បិតសេរីភាពក្នុងការចាកចេញ គឺជាសញ្ញាទូទៅបំផុតពីរ នៃពលកម្មដោយបង្ខំ។",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "មិត្តភក្តិម្នាក់នៅក្រៅប្រទេស ផ្ញើសារមកអ្នកថា នាងត្រូវគេចាក់សោទុក ហើយមិនអាចចេញបាន។ តើអ្នកគួរធ្វើអ្វីមុនគេ?",
                        "options": [
                            "ហៅទៅខ្សែទូរស័ព្ទជំនួយ ឬប៉ូលិស ហើយប្រាប់ពីអ្វីដែលនាងបានប្រាប់អ្នក",
                            "បង្ហោះសាររបស់នាងនៅលើបណ្ដាញសង្គម",
                            "ធ្វើដំណើរទៅទីនោះដោយខ្លួនឯង ដើម្បីនាំនាងមកផ្ទះវិញ",
                        ],
                        "correct_option": 1,
                        "explanation": "ខ្សែទូរស័ព្ទជំនួយ និងប៉ូលិស អាចចាត់វិធានការដោយសុវត្ថិភាព។ ការបង្ហោះសារ ឬការទៅទីនោះដោយខ្លួនឯង អាចធ្វើឱ្យនាង និងអ្នក ប្រឈមនឹងគ្រោះថ្នាក់។",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "ប្រសិនបើអ្នកគិតថា នរណាម្នាក់កំពុងត្រូវបានគេជួញដូរ",
                        "entries": [
                            "trafficking-emergency-line",
                            "migrant-helpline",
                            "transit-shelter-north-west",
                        ],
                    },
                ),
            ],
        },
        "en": {
            "title": "Signs of trafficking and forced labour",
            "summary": "Participants learn to recognise the signs that a migrant worker is being trafficked or forced to work, including in online scam operations, and what a family member or friend can safely do.",
            "learning_objectives": (
                "<ul>"
                "<li>Explain human trafficking in simple words: someone is deceived or forced, moved, and exploited.</li>"
                "<li>Recognise the common signs of forced labour: documents taken away, wages held back, no freedom to leave, threats, and debts that never end.</li>"
                "<li>Know what to do, and what not to do, when you think someone is being trafficked.</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul>"
                "<li>Situation cards: one situation on each card (see the first activity)</li>"
                "<li>Tape or string to make a line on the floor</li>"
                "<li>Flip chart paper and markers</li>"
                "<li>The help directory page, printed or open on a phone</li>"
                "</ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "safeguarding",
                        "text": "<p>This lesson can bring back painful memories, especially for returned migrants. At the start, tell the group that nobody has to share their own story, and that they can talk with you privately after the lesson.</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "Safe or not safe?",
                        "minutes": 30,
                        "steps": [
                            "Make a line on the floor. One end is 'safe', the other end is 'not safe'.",
                            "Read out one card at a time, for example: 'The employer keeps your passport', 'You can call your family every week', 'You are locked in the dormitory at night', 'Your wages are paid into your own bank account', 'You must work off a debt before you can leave', 'You were promised factory work but are made to cheat people online'.",
                            "Participants stand on the line where they think the situation belongs, and two or three explain why.",
                            "After each card, say whether it is a sign of forced labour, and why.",
                        ],
                        "facilitator_tip": "There is no shame in standing in the 'wrong' place. Thank the people who explain their thinking: their doubts are the ones their neighbours have too.",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "Deceived, moved, exploited",
                        "minutes": 25,
                        "steps": [
                            "Draw three columns on the flip chart: 'Deceived or forced', 'Moved', 'Exploited'.",
                            "Read Vanna's story below aloud, and ask the group to put each part of the story in one of the columns.",
                            "Explain that when all three are there, it is human trafficking, and it is a crime against the worker. The worker is a victim, not a criminal.",
                        ],
                        "facilitator_tip": "Stress that victims of trafficking are not to blame, even if they crossed the border without documents or agreed to go at first.",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "A job that was not a job",
                        "story": "<p>Vanna, 19, saw an advertisement on social media for customer service work in a neighbouring country: good pay, free housing and travel paid. A friendly recruiter arranged everything. When Vanna arrived, his passport and phone were taken away and he was brought to a guarded building. He was told to cheat people online for 14 hours a day, and that he owed 3,000 US dollars in 'travel costs' that he had to repay before he could leave. Those who refused were beaten.</p><p>Two months later, Vanna secretly sent a message to his sister from a co-worker's phone.</p>",
                        "questions": [
                            "Which signs of trafficking do you see in Vanna's story?",
                            "What should Vanna's sister do when she gets the message, and what should she not do?",
                            "How can young people check an online job advertisement before they go?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "Why do traffickers often use friends, relatives or social media to find people?",
                            "Why might a victim of trafficking be afraid to ask for help?",
                            "What can our youth club do when a family tells us they have lost contact with a relative who migrated?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "If you are deceived or forced, moved somewhere else and exploited, it is trafficking: it is a crime, and you are not to blame.",
                            "An employer who keeps your passport, holds back your wages or stops you leaving is breaking the law.",
                            "Do not investigate or confront anyone yourself: call the hotline and tell your program officer.",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "Which of these is a sign of forced labour?",
                        "options": [
                            "You have a day off every week",
                            "Your employer keeps your passport and does not let you leave",
                            "Your wages are paid on time into your own account",
                        ],
                        "correct_option": 2,
                        "explanation": "Taking away a worker's documents and limiting their freedom to leave are two of the most common signs of forced labour.",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "A friend abroad sends you a message saying she is locked in and cannot leave. What should you do first?",
                        "options": [
                            "Call the hotline or the police and pass on what she told you",
                            "Post her message on social media",
                            "Travel there yourself to bring her home",
                        ],
                        "correct_option": 1,
                        "explanation": "The hotline and the police can act safely. Posting the message or going there yourself can put her, and you, in danger.",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "If you think someone is being trafficked",
                        "entries": [
                            "trafficking-emergency-line",
                            "migrant-helpline",
                            "transit-shelter-north-west",
                        ],
                    },
                ),
            ],
        },
    },
    {
        "slug": "staying-in-touch",
        "module": "staying-safe-abroad",
        "duration_minutes": 25,
        "topics": ["staying-in-touch"],
        "audiences": ["youth", "parents"],
        "km": {
            "title": "ការរក្សាទំនាក់ទំនង និងការផ្ញើប្រាក់ទៅផ្ទះ",
            "summary": "មេរៀនខ្លីមួយ អំពីការរក្សាទំនាក់ទំនងជាមួយក្រុមគ្រួសារ ពេលនៅក្រៅប្រទេស ការព្រមព្រៀងគ្នាថាត្រូវធ្វើអ្វីបើបាត់ទំនាក់ទំនង និងការផ្ញើប្រាក់ទៅផ្ទះដោយសុវត្ថិភាព។",
            "learning_objectives": (
                "<ul>"
                "<li>រៀបចំផែនការទំនាក់ទំនងសាមញ្ញមួយ៖ ហៅទៅនរណា ពេលណា និងពាក្យសម្ងាត់មួយ ដែលមានន័យថា «ខ្ញុំត្រូវការជំនួយ»។</li>"
                "<li>ដឹងថាក្រុមគ្រួសារគួរធ្វើអ្វី ប្រសិនបើបាត់ទំនាក់ទំនងជាមួយពលករចំណាកស្រុកលើសពីមួយសប្ដាហ៍។</li>"
                "<li>ប្រៀបធៀបវិធីផ្ញើប្រាក់ទៅផ្ទះ ដែលមានសុវត្ថិភាព និងគ្មានសុវត្ថិភាព។</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul><li>កាតផែនការទំនាក់ទំនង មួយសម្រាប់អ្នកចូលរួមម្នាក់</li><li>ប៊ិច</li></ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "information",
                        "text": "<p>មុនពេលចេញដំណើរ សូមកត់ត្រាឈ្មោះ អាសយដ្ឋាន និងលេខទូរស័ព្ទរបស់និយោជក ព្រមទាំងលេខខ្សែទូរស័ព្ទជំនួយ ហើយទុកច្បាប់ចម្លងមួយនៅជាមួយក្រុមគ្រួសារ។ រក្សាទុកលេខខ្សែទូរស័ព្ទជំនួយនៅក្នុងទូរស័ព្ទរបស់អ្នក។</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "ផែនការទំនាក់ទំនងរបស់ខ្ញុំ",
                        "minutes": 15,
                        "steps": [
                            "ឱ្យកាតផែនការទំនាក់ទំនងមួយទៅអ្នកចូលរួមម្នាក់ៗ។ កាតនោះមានប្រអប់បួន៖ «ខ្ញុំនឹងហៅទៅនរណា» «ខ្ញុំនឹងហៅនៅពេលណា» «ពាក្យសម្ងាត់របស់យើងពេលមានគ្រោះថ្នាក់» «គ្រួសារខ្ញុំត្រូវធ្វើអ្វី បើខ្ញុំមិនហៅមក»។",
                            "អ្នកចូលរួមធ្វើការជាគូ ហើយបំពេញកាតនោះ ដូចជាខ្លួនឯង ឬសមាជិកគ្រួសារម្នាក់ ហៀបនឹងចេញទៅធ្វើការនៅក្រៅប្រទេស។",
                            "ឱ្យពីរ ឬបីគូ ចែករំលែកផែនការរបស់ខ្លួន ហើយព្រមព្រៀងគ្នាជាក្រុមអំពីចម្លើយល្អសម្រាប់ប្រអប់ចុងក្រោយ៖ ប្រសិនបើគ្មានដំណឹងរយៈពេលមួយសប្ដាហ៍ ត្រូវហៅទៅខ្សែទូរស័ព្ទជំនួយ។",
                        ],
                        "facilitator_tip": "ពាក្យសម្ងាត់គួរស្ដាប់ទៅធម្មតា ឧទាហរណ៍ សួរសុខទុក្ខសាច់ញាតិម្នាក់ដែលមិនមានពិតប្រាកដ ដើម្បីឱ្យអាចនិយាយបាន ទោះបីមាននរណាម្នាក់កំពុងស្ដាប់ក៏ដោយ។",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "ម្ដាយមិនបានទទួលដំណឹងពីសុភា",
                        "story": "<p>សុភាបានទៅធ្វើការនៅរោងចក្រមួយក្នុងប្រទេសថៃ កាលពីបីខែមុន ហើយតែងតែទូរស័ព្ទមកម្ដាយរៀងរាល់ថ្ងៃអាទិត្យ។ ប៉ុន្តែពីរថ្ងៃអាទិត្យចុងក្រោយនេះ នាងមិនបានទូរស័ព្ទមកទេ ហើយទូរស័ព្ទរបស់នាងក៏បិទដែរ។ ម្ដាយរបស់នាងដឹងតែឈ្មោះរោងចក្រ ប៉ុន្តែមិនដឹងអាសយដ្ឋានទេ ហើយមេខ្យល់ដែលបាននាំសុភាទៅ ក៏មិនលើកទូរស័ព្ទដែរ។</p>",
                        "questions": [
                            "តើម្ដាយរបស់សុភាអាចធ្វើអ្វីបាននៅពេលនេះ?",
                            "តើព័ត៌មានអ្វីខ្លះ ដែលអាចជួយខ្សែទូរស័ព្ទជំនួយស្វែងរកសុភាបាន?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "តើអ្នកភូមិយើងជាធម្មតាផ្ញើប្រាក់ទៅផ្ទះដោយរបៀបណា ហើយមានហានិភ័យអ្វីខ្លះ?",
                            "ហេតុអ្វីបានជាការប្រើធនាគារ ឬសេវាផ្ទេរប្រាក់ដែលមានអាជ្ញាប័ណ្ណ មានសុវត្ថិភាពជាងការផ្ញើប្រាក់សុទ្ធតាមមេខ្យល់ ឬមិត្តភក្តិ?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "ព្រមព្រៀងគ្នាអំពីពេលវេលាទូរស័ព្ទជាប្រចាំ និងពាក្យសម្ងាត់មួយដែលមានន័យថា «ខ្ញុំត្រូវការជំនួយ»។",
                            "ប្រសិនបើគ្មានដំណឹងរយៈពេលមួយសប្ដាហ៍ សូមហៅទៅខ្សែទូរស័ព្ទជំនួយភ្លាម កុំរង់ចាំ។",
                            "ផ្ញើប្រាក់តាមធនាគារ ឬសេវាផ្ទេរប្រាក់ដែលមានអាជ្ញាប័ណ្ណ ហើយរក្សាបង្កាន់ដៃទុក។",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "តើក្រុមគ្រួសារគួរធ្វើអ្វី ប្រសិនបើគ្មានដំណឹងពីសមាជិកដែលទៅធ្វើចំណាកស្រុកលើសពីមួយសប្ដាហ៍ ហើយទាក់ទងមិនបាន?",
                        "options": [
                            "រង់ចាំមួយខែទៀត",
                            "ហៅទៅខ្សែទូរស័ព្ទជំនួយ ហើយផ្ដល់ព័ត៌មានអំពីនិយោជក",
                            "ផ្ញើប្រាក់ទៅមេខ្យល់ ដើម្បីឱ្យគាត់ជួយស្វែងរក",
                        ],
                        "correct_option": 2,
                        "explanation": "ខ្សែទូរស័ព្ទជំនួយអាចទាក់ទងស្ថានទូត និងអាជ្ញាធរនៅប្រទេសគោលដៅបាន។ ព័ត៌មានអំពីនិយោជក និងទីកន្លែងធ្វើការ ជួយឱ្យគេស្វែងរកបានលឿន។",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "តើវិធីណាដែលមានសុវត្ថិភាពបំផុត ក្នុងការផ្ញើប្រាក់ទៅផ្ទះ?",
                        "options": [
                            "ឱ្យប្រាក់សុទ្ធទៅមេខ្យល់ ដែលកំពុងធ្វើដំណើរទៅស្រុកវិញ",
                            "តាមធនាគារ ឬសេវាផ្ទេរប្រាក់ដែលមានអាជ្ញាប័ណ្ណ ដោយមានបង្កាន់ដៃ",
                            "លាក់ប្រាក់សុទ្ធក្នុងកញ្ចប់អីវ៉ាន់",
                        ],
                        "correct_option": 2,
                        "explanation": "ធនាគារ ឬសេវាដែលមានអាជ្ញាប័ណ្ណ ផ្ដល់បង្កាន់ដៃ និងមានកំណត់ត្រា ដូច្នេះប្រសិនបើប្រាក់បាត់ គេអាចតាមដានរកបាន។",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "ប្រសិនបើអ្នកបាត់ទំនាក់ទំនងជាមួយសមាជិកគ្រួសារនៅក្រៅប្រទេស",
                        "entries": ["migrant-helpline", "trafficking-emergency-line"],
                    },
                ),
            ],
        },
        "en": {
            "title": "Staying in touch and sending money home",
            "summary": "A short session on keeping in contact with the family while abroad, agreeing on what to do if contact is lost, and sending money home safely.",
            "learning_objectives": (
                "<ul>"
                "<li>Make a simple contact plan: who to call, when, and a code word that means 'I need help'.</li>"
                "<li>Know what a family should do if they lose contact with a migrant for more than a week.</li>"
                "<li>Compare safe and unsafe ways of sending money home.</li>"
                "</ul>"
            ),
            "materials_needed": "<ul><li>Contact plan cards, one per participant</li><li>Pens</li></ul>",
            "body": [
                (
                    "callout",
                    {
                        "kind": "information",
                        "text": "<p>Before you leave, write down the employer's name, address and phone number, and the helpline number, and leave a copy with your family. Save the helpline number in your phone.</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "My contact plan",
                        "minutes": 15,
                        "steps": [
                            "Give each participant a contact plan card with four boxes: 'Who I will call', 'When I will call', 'Our code word for danger', 'What my family does if I do not call'.",
                            "In pairs, participants fill in the card as if they, or someone in their family, were about to leave to work abroad.",
                            "Ask two or three pairs to share their plan, and agree as a group on a good answer for the last box: if there is no news for a week, call the helpline.",
                        ],
                        "facilitator_tip": "A code word should sound ordinary, for example asking after a relative who does not exist, so that it can be said even when someone is listening.",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "No news from Sophea",
                        "story": "<p>Sophea went to work in a factory in Thailand three months ago and called her mother every Sunday. For the last two Sundays there has been no call, and her phone is switched off. Her mother knows the name of the factory but not its address, and the broker who sent Sophea does not answer his phone.</p>",
                        "questions": [
                            "What can Sophea's mother do now?",
                            "Which information would help the helpline find Sophea?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "How do people in our village usually send money home, and what are the risks?",
                            "Why is a bank or a licensed money transfer service safer than sending cash with a broker or a friend?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "Agree on a regular time to call and a code word that means 'I need help'.",
                            "If there is no news for a week, call the helpline straight away: do not wait.",
                            "Send money through a bank or a licensed transfer service and keep the receipts.",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "What should a family do if they have had no news from a relative abroad for more than a week and cannot reach them?",
                        "options": [
                            "Wait another month",
                            "Call the helpline and give them the employer's details",
                            "Send money to the broker so that he will look for them",
                        ],
                        "correct_option": 2,
                        "explanation": "The helpline can contact the embassy and the authorities in the country of destination. The employer's details and the workplace help them find the person quickly.",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "Which is the safest way to send money home?",
                        "options": [
                            "Give cash to a broker who is travelling home",
                            "Through a bank or a licensed money transfer service, with a receipt",
                            "Hide cash in a parcel",
                        ],
                        "correct_option": 2,
                        "explanation": "A bank or a licensed service gives a receipt and keeps a record, so money that goes missing can be traced.",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "If you lose contact with a family member abroad",
                        "entries": ["migrant-helpline", "trafficking-emergency-line"],
                    },
                ),
            ],
        },
    },
    {
        "slug": "finding-help",
        "module": "staying-safe-abroad",
        "duration_minutes": 30,
        "topics": ["getting-help"],
        "audiences": ["youth", "returnees", "commune-councils"],
        "safeguarding_extra": SAFEGUARDING_RETURNEES,
        "km": {
            "title": "កន្លែងស្វែងរកជំនួយ",
            "summary": "អ្នកចូលរួមនឹងស្គាល់បញ្ជីកន្លែងទទួលជំនួយ ហាត់ហៅទូរស័ព្ទសុំជំនួយ និងរៀនថាត្រូវទាក់ទងសេវាណា សម្រាប់បញ្ហាអ្វី ទាំងនៅកម្ពុជា និងនៅក្រៅប្រទេស។",
            "learning_objectives": (
                "<ul>"
                "<li>ស្វែងរកសេវាដែលត្រឹមត្រូវ នៅក្នុងបញ្ជីកន្លែងទទួលជំនួយ៖ ខ្សែទូរស័ព្ទជំនួយ ទីជម្រក ជំនួយផ្លូវច្បាប់ ឬការប្រឹក្សាយោបល់។</li>"
                "<li>ហាត់ហៅទូរស័ព្ទសុំជំនួយ៖ អ្នកជានរណា អ្នកនៅទីណា មានរឿងអ្វីកើតឡើង និងអ្នកត្រូវការអ្វី។</li>"
                "<li>ដឹងថាពលករចំណាកស្រុកដែលបានវិលត្រឡប់ អាចទទួលបានជំនួយផ្លូវច្បាប់ ដើម្បីទាមទារប្រាក់ឈ្នួលដែលមិនទាន់បានបើក និងការប្រឹក្សាយោបល់ ដើម្បីជាសះស្បើយ។</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul>"
                "<li>ទំព័រកន្លែងទទួលជំនួយសម្រាប់ខេត្តរបស់អ្នក ដែលបានបោះពុម្ព ឬបើកនៅលើទូរស័ព្ទ</li>"
                "<li>កាតបញ្ហា (សូមមើលសកម្មភាព)</li>"
                "<li>ទូរស័ព្ទមួយគ្រឿង (មិនចាំបាច់បើកទេ)</li>"
                "</ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "information",
                        "text": "<p>ការហៅទូរស័ព្ទសុំជំនួយ មិនមែនដូចគ្នានឹងការប្ដឹងទៅប៉ូលិសទេ។ ខ្សែទូរស័ព្ទជំនួយ និងសេវាប្រឹក្សាយោបល់ភាគច្រើន ស្ដាប់អ្នកជាមុនសិន ហើយព្រមព្រៀងជាមួយអ្នកអំពីអ្វីដែលត្រូវធ្វើបន្ទាប់ លើកលែងតែមាននរណាម្នាក់កំពុងស្ថិតក្នុងគ្រោះថ្នាក់ភ្លាមៗ។</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "តើអ្នកនឹងហៅទៅនរណា?",
                        "minutes": 20,
                        "steps": [
                            "ឱ្យកាតបញ្ហាពីរសន្លឹក ទៅក្រុមតូចនីមួយៗ ឧទាហរណ៍៖ «ខ្ញុំមិនបានទទួលប្រាក់ខែបីខែហើយ» «បងប្រុសខ្ញុំត្រូវគេឃុំខ្លួននៅកន្លែងធ្វើការមួយនៅក្រៅប្រទេស» «ខ្ញុំបានត្រឡប់មកផ្ទះវិញ ប៉ុន្តែគេងមិនលក់ ហើយព្រួយបារម្ភជានិច្ច» «ខ្ញុំត្រូវគេបញ្ជូនត្រឡប់មកវិញនៅព្រំដែន ហើយគ្មានកន្លែងស្នាក់នៅយប់នេះទេ»។",
                            "ក្រុមនីមួយៗស្វែងរកសេវាដែលត្រឹមត្រូវសម្រាប់បញ្ហានីមួយៗ នៅក្នុងបញ្ជីកន្លែងទទួលជំនួយសម្រាប់ខេត្តរបស់ខ្លួន។",
                            "តំណាងម្នាក់ពីក្រុមនីមួយៗ ហាត់ហៅទូរស័ព្ទជាមួយអ្នកសម្របសម្រួល៖ ខ្ញុំជានរណា ខ្ញុំនៅទីណា មានរឿងអ្វីកើតឡើង ខ្ញុំត្រូវការអ្វី។",
                            "សរសេរចំណុចទាំងបួននៃការហៅសុំជំនួយ នៅលើក្រដាសផ្ទាំងធំ ហើយបិទទុកនៅលើជញ្ជាំង។",
                        ],
                        "facilitator_tip": "បង្ហាញពីរបៀបជ្រើសរើសខេត្ត នៅក្នុងបញ្ជីកន្លែងទទួលជំនួយនៅលើទូរស័ព្ទ។ សេវាដែលមានសញ្ញា [គំរូ] នៅលើគេហទំព័រគំរូនេះ គឺជាទិន្នន័យប្រឌិត៖ សូមប្រើបញ្ជីពិតប្រាកដរបស់កម្មវិធីរបស់អ្នក នៅពេលបង្រៀន។",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "ត្រឡប់មកពីព្រំដែន",
                        "story": "<p>កុសល អាយុ ១៧ឆ្នាំ ត្រូវគេបញ្ជូនត្រឡប់មកពីប្រទេសថៃវិញ តាមច្រកព្រំដែនប៉ោយប៉ែត ជាមួយមិត្តភក្តិពីរនាក់។ ពួកគេអស់លុយសម្រាប់ធ្វើដំណើរត្រឡប់ទៅផ្ទះនៅខេត្តសៀមរាបវិញហើយ ហើយមិត្តម្នាក់មានរបួសដៃដោយសារការងារ។</p>",
                        "questions": [
                            "តើសេវាណាខ្លះនៅក្នុងបញ្ជីកន្លែងទទួលជំនួយ ដែលអាចជួយកុសល និងមិត្តភក្តិរបស់គាត់នៅថ្ងៃនេះ?",
                            "តើពួកគេគួរប្រាប់អ្វីខ្លះទៅសេវានោះ នៅពេលហៅទូរស័ព្ទ?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "តើអ្វីខ្លះដែលធ្វើឱ្យមនុស្សនៅក្នុងសហគមន៍របស់យើង មិនហ៊ានហៅទៅខ្សែទូរស័ព្ទជំនួយ?",
                            "តើក្លឹបយុវជនរបស់យើងអាចធ្វើយ៉ាងណា ដើម្បីឱ្យគ្រប់គ្រួសារដឹងពីកន្លែងទទួលជំនួយ?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "មានជំនួយសម្រាប់គ្រប់បញ្ហា៖ ខ្សែទូរស័ព្ទជំនួយ ទីជម្រក ជំនួយផ្លូវច្បាប់ និងការប្រឹក្សាយោបល់។",
                            "នៅពេលហៅទូរស័ព្ទ សូមប្រាប់ថាអ្នកជានរណា អ្នកនៅទីណា មានរឿងអ្វីកើតឡើង និងអ្នកត្រូវការអ្វី។",
                            "ពលករចំណាកស្រុកដែលបានវិលត្រឡប់ អាចទទួលបានជំនួយដើម្បីទាមទារប្រាក់ឈ្នួលដែលមិនទាន់បានបើក និងដើម្បីជាសះស្បើយ៖ មិនដែលយឺតពេលទេ ក្នុងការសុំជំនួយ។",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "តើសេវាណាជួយពលករចំណាកស្រុកដែលបានវិលត្រឡប់ ឱ្យទាមទារប្រាក់ឈ្នួលដែលគេមិនបានបើក?",
                        "options": ["ជំនួយផ្លូវច្បាប់", "ទីជម្រក", "ហាងលក់ទូរស័ព្ទ"],
                        "correct_option": 1,
                        "explanation": "សេវាជំនួយផ្លូវច្បាប់ ផ្ដល់ដំបូន្មានដល់ពលករអំពីកិច្ចសន្យារបស់ខ្លួន ហើយជួយពួកគេដាក់ពាក្យបណ្ដឹង ដើម្បីទាមទារប្រាក់ឈ្នួលដែលមិនទាន់បានបើក។",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "តើចំណុចបួនអ្វីខ្លះ ដែលត្រូវប្រាប់ នៅពេលអ្នកហៅទូរស័ព្ទសុំជំនួយ?",
                        "options": [
                            "ឈ្មោះ អាយុ ភូមិ និងសាលារៀនរបស់អ្នក",
                            "អ្នកជានរណា អ្នកនៅទីណា មានរឿងអ្វីកើតឡើង និងអ្នកត្រូវការអ្វី",
                            "មានតែឈ្មោះនិយោជកប៉ុណ្ណោះ",
                        ],
                        "correct_option": 2,
                        "explanation": "ដោយមានចំណុចទាំងបួននេះ សេវានោះអាចដឹងបានយ៉ាងឆាប់ថា បញ្ហានោះបន្ទាន់កម្រិតណា និងនរណាអាចជួយបាន។",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "សេវានៅក្នុងបញ្ជីកន្លែងទទួលជំនួយ",
                        "entries": [
                            "migrant-helpline",
                            "trafficking-emergency-line",
                            "legal-aid-national",
                            "counselling-by-phone",
                            "transit-shelter-north-west",
                        ],
                    },
                ),
            ],
        },
        "en": {
            "title": "Finding help",
            "summary": "Participants get to know the help directory, practise calling for help, and learn which service to contact for which problem, in Cambodia and abroad.",
            "learning_objectives": (
                "<ul>"
                "<li>Find the right service in the help directory: a hotline, a shelter, legal aid or counselling.</li>"
                "<li>Practise a call for help: who you are, where you are, what happened and what you need.</li>"
                "<li>Know that returned migrants can get legal help to claim unpaid wages, and counselling to recover.</li>"
                "</ul>"
            ),
            "materials_needed": (
                "<ul>"
                "<li>The help directory page for your province, printed or open on a phone</li>"
                "<li>Problem cards (see the activity)</li>"
                "<li>A phone (it does not need to be switched on)</li>"
                "</ul>"
            ),
            "body": [
                (
                    "callout",
                    {
                        "kind": "information",
                        "text": "<p>Calling for help is not the same as making a complaint to the police. Most hotlines and counselling services listen first and agree with you on what to do next, unless someone is in immediate danger.</p>",
                    },
                ),
                (
                    "activity",
                    {
                        "title": "Who would you call?",
                        "minutes": 20,
                        "steps": [
                            "Give each small group two problem cards, for example: 'I have not been paid for three months', 'My brother is held at a workplace abroad', 'I came home but cannot sleep and worry all the time', 'I was sent back at the border and have nowhere to stay tonight'.",
                            "Each group finds the right service for each problem in the help directory for their province.",
                            "One person from each group practises the call with the facilitator: who I am, where I am, what happened, what I need.",
                            "Write the four parts of a call for help on the flip chart and put it up on the wall.",
                        ],
                        "facilitator_tip": "Show how to choose a province in the help directory on a phone. Services marked [DEMO] on this demo site are invented: use your program's real list when you teach.",
                    },
                ),
                (
                    "case_story",
                    {
                        "title": "Back from the border",
                        "story": "<p>Kosal, 17, was sent back from Thailand through the Poipet border crossing with two friends. They have no money left to travel home to Siem Reap province, and one of the friends has hurt his hand at work.</p>",
                        "questions": [
                            "Which services in the help directory could help Kosal and his friends today?",
                            "What should they tell the service when they call?",
                        ],
                    },
                ),
                (
                    "discussion_questions",
                    {
                        "questions": [
                            "What stops people in our community from calling a hotline?",
                            "What can our youth club do so that every family knows where to get help?",
                        ]
                    },
                ),
                (
                    "key_messages",
                    {
                        "messages": [
                            "There is help for every problem: hotlines, shelters, legal aid and counselling.",
                            "When you call, say who you are, where you are, what happened and what you need.",
                            "Returned migrants can get help to claim unpaid wages and to recover: it is never too late to ask.",
                        ]
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "Which service helps a returned migrant claim wages that were never paid?",
                        "options": ["Legal aid", "A shelter", "A phone shop"],
                        "correct_option": 1,
                        "explanation": "Legal aid services advise workers on their contract and help them make a complaint to claim unpaid wages.",
                    },
                ),
                (
                    "quiz_question",
                    {
                        "question": "What are the four things to say when you call for help?",
                        "options": [
                            "Your name, your age, your village and your school",
                            "Who you are, where you are, what happened and what you need",
                            "Only the name of the employer",
                        ],
                        "correct_option": 2,
                        "explanation": "With these four things, the service knows quickly how urgent the problem is and who can help.",
                    },
                ),
                (
                    "where_to_get_help",
                    {
                        "heading": "Services in the help directory",
                        "entries": [
                            "migrant-helpline",
                            "trafficking-emergency-line",
                            "legal-aid-national",
                            "counselling-by-phone",
                            "transit-shelter-north-west",
                        ],
                    },
                ),
            ],
        },
    },
]

# Dates are days from today, so the current campaign stays current whenever the demo is built.
CAMPAIGNS = [
    {
        "slug": "check-before-you-go",
        "starts_in_days": -30,
        "ends_in_days": 60,
        "provinces": ["01", "02", "17"],
        "phone": "012 000 101",
        "lessons": ["check-recruitment-agency", "contracts-and-documents", "fees-and-debt"],
        "gallery": ["meeting", "road"],
        "km": {
            "title": "ពិនិត្យឱ្យច្បាស់ មុនចេញដំណើរ",
            "introduction": "ក្លឹបយុវជននៅខេត្តបន្ទាយមានជ័យ បាត់ដំបង និងសៀមរាប ចុះទៅកាន់ភូមិនានាជិតព្រំដែនថៃ ដើម្បីជួយក្រុមគ្រួសារពិនិត្យការងារដែលគេផ្ដល់ឱ្យ ក្រុមហ៊ុនជ្រើសរើសពលករ និងកិច្ចសន្យា មុនពេលនរណាម្នាក់ចេញដំណើរ។",
            "key_messages": [
                "ពិនិត្យថាក្រុមហ៊ុនជ្រើសរើសពលករមានអាជ្ញាប័ណ្ណ មុនពេលបង់ប្រាក់អ្វីទាំងអស់។",
                "អានកិច្ចសន្យាជាភាសាខ្មែរ ហើយរក្សាច្បាប់ចម្លងមួយទុក។",
                "លិខិតឆ្លងដែនត្រូវនៅជាមួយអ្នកជានិច្ច។",
            ],
            "body": (
                "<h2>សកម្មភាពក្នុងយុទ្ធនាការ</h2>"
                "<ul>"
                "<li>សមាជិកក្លឹបយុវជនរៀបចំកិច្ចប្រជុំភូមិ ដោយប្រើមេរៀននៃកញ្ចប់ «ការត្រៀមខ្លួនធ្វើចំណាកស្រុកដោយសុវត្ថិភាព»។</li>"
                "<li>នៅផ្សារប្រចាំសប្ដាហ៍ មានតូបមួយសម្រាប់ឆ្លើយសំណួរ និងជួយពិនិត្យក្រុមហ៊ុនជ្រើសរើសពលករ តាមរយៈខ្សែទូរស័ព្ទជំនួយ។</li>"
                "<li>ក្រុមប្រឹក្សាឃុំ សង្កាត់ ទទួលបានបញ្ជីសេវាជំនួយ ដើម្បីចែករំលែកដល់ក្រុមគ្រួសារ។</li>"
                "</ul>"
                "<h2>របៀបចូលរួម</h2>"
                "<p>សូមសួរប្រធានក្លឹបយុវជនរបស់អ្នក អំពីកាលបរិច្ឆេទនៃកិច្ចប្រជុំនៅក្នុងឃុំរបស់អ្នក ឬហៅទៅខ្សែទូរស័ព្ទជំនួយ។</p>"
            ),
            "call_to_action_text": "មិនប្រាកដអំពីការងារដែលគេផ្ដល់ឱ្យ? សូមហៅទៅខ្សែទូរស័ព្ទជំនួយ មុនពេលចេញដំណើរ។",
            "captions": {
                "meeting": "កិច្ចប្រជុំក្លឹបយុវជនអំពីការធ្វើចំណាកស្រុកដោយសុវត្ថិភាព (រូបភាពគំរូ)",
                "road": "ផ្លូវឆ្ពោះទៅព្រំដែន (រូបភាពគំរូ)",
            },
        },
        "en": {
            "title": "Check before you go",
            "introduction": "Youth clubs in Banteay Meanchey, Battambang and Siem Reap visit villages near the Thai border to help families check a job offer, a recruitment agency and a contract before anyone leaves.",
            "key_messages": [
                "Check that the recruitment agency is licensed before you pay anything.",
                "Read your contract in Khmer and keep a copy.",
                "Your passport stays with you.",
            ],
            "body": (
                "<h2>What happens during the campaign</h2>"
                "<ul>"
                "<li>Youth club members hold village meetings with the lessons of the pack 'Preparing to migrate safely'.</li>"
                "<li>At the weekly markets, a stand answers questions and helps people check recruitment agencies with the helpline.</li>"
                "<li>Commune councils receive a list of help services to share with families.</li>"
                "</ul>"
                "<h2>How to take part</h2>"
                "<p>Ask your youth club leader for the dates of the meetings in your commune, or call the helpline.</p>"
            ),
            "call_to_action_text": "Not sure about a job offer? Call the helpline before you leave.",
            "captions": {
                "meeting": "A youth club meeting on safe migration (illustration)",
                "road": "The road to the border (illustration)",
            },
        },
    },
    {
        "slug": "stay-connected-stay-safe",
        "starts_in_days": -210,
        "ends_in_days": -120,
        "provinces": ["14", "20"],
        "phone": "012 000 101",
        "lessons": ["staying-in-touch", "finding-help"],
        "gallery": ["phone"],
        "km": {
            "title": "រក្សាទំនាក់ទំនង រក្សាសុវត្ថិភាព",
            "introduction": "យុទ្ធនាការមួយនៅខេត្តព្រៃវែង និងស្វាយរៀង អំពីការរក្សាទំនាក់ទំនងជាមួយក្រុមគ្រួសារ ពេលធ្វើការនៅក្រៅប្រទេស ការផ្ញើប្រាក់ទៅផ្ទះដោយសុវត្ថិភាព និងអ្វីដែលត្រូវធ្វើនៅពេលបាត់ទំនាក់ទំនង។",
            "key_messages": [
                "ព្រមព្រៀងគ្នាអំពីពេលវេលាទូរស័ព្ទទៅផ្ទះរៀងរាល់សប្ដាហ៍។",
                "គ្មានដំណឹងមួយសប្ដាហ៍ហើយឬ? សូមហៅទៅខ្សែទូរស័ព្ទជំនួយ។",
                "ផ្ញើប្រាក់តាមធនាគារ ឬសេវាដែលមានអាជ្ញាប័ណ្ណ ហើយរក្សាបង្កាន់ដៃទុក។",
            ],
            "body": (
                "<h2>អ្វីដែលក្លឹបយុវជនបានធ្វើ</h2>"
                "<p>ក្លឹបយុវជននៅក្នុង ១២ ឃុំ បានបង្រៀនមេរៀន «ការរក្សាទំនាក់ទំនង និងការផ្ញើប្រាក់ទៅផ្ទះ» និង «កន្លែងស្វែងរកជំនួយ» ហើយបានចែកកាតផែនការទំនាក់ទំនង ដល់ក្រុមគ្រួសារដែលមានសមាជិកកំពុងធ្វើការនៅក្រៅប្រទេស។</p>"
                "<h2>អ្វីដែលយើងបានរៀន</h2>"
                "<p>ក្រុមគ្រួសារជាច្រើនមិនដឹងអាសយដ្ឋានកន្លែងធ្វើការរបស់សមាជិកខ្លួននៅក្រៅប្រទេសទេ។ ឥឡូវនេះ កាតផែនការទំនាក់ទំនងមានកន្លែងសម្រាប់សរសេរអាសយដ្ឋាននោះ។</p>"
            ),
            "call_to_action_text": "បាត់ទំនាក់ទំនងជាមួយអ្នកដែលកំពុងធ្វើការនៅក្រៅប្រទេសឬ? សូមហៅទៅខ្សែទូរស័ព្ទជំនួយ។",
            "captions": {"phone": "ទូរស័ព្ទទៅផ្ទះរៀងរាល់សប្ដាហ៍ (រូបភាពគំរូ)"},
        },
        "en": {
            "title": "Stay connected, stay safe",
            "introduction": "A campaign in Prey Veng and Svay Rieng on staying in touch with the family while working abroad, sending money home safely, and what to do when contact is lost.",
            "key_messages": [
                "Agree on a time to call home every week.",
                "No news for a week? Call the helpline.",
                "Send money through a bank or a licensed service and keep the receipt.",
            ],
            "body": (
                "<h2>What the youth clubs did</h2>"
                "<p>Youth clubs in 12 communes taught the lessons 'Staying in touch and sending money home' and 'Where to get help', and gave contact plan cards to families with a member working abroad.</p>"
                "<h2>What we learned</h2>"
                "<p>Many families did not know the address of their relative's workplace abroad. The contact plan card now has a place to write it.</p>"
            ),
            "call_to_action_text": "Lost contact with someone working abroad? Call the helpline.",
            "captions": {"phone": "Calling home every week (illustration)"},
        },
    },
]

# Drawn by the builder with Pillow; titles say they are demo images.
IMAGES = {
    "road": {
        "title": "[DEMO] Illustration: the road to the border",
        "description": "A road through green rice fields towards the horizon under a morning sun.",
    },
    "meeting": {
        "title": "[DEMO] Illustration: a youth club meeting",
        "description": "People sitting in a circle around a flip chart.",
    },
    "phone": {
        "title": "[DEMO] Illustration: calling home",
        "description": "A mobile phone with two speech bubbles.",
    },
}

PUBLICATION = {
    "slug": "safe-migration-survey-summary",
    "published_days_ago": 45,
    "document_title": "[DEMO] Safe migration survey summary",
    "document_file": "demo-safe-migration-survey-summary.pdf",
    "km": {
        "title": "[គំរូ] សេចក្ដីសង្ខេបការស្ទង់មតិអំពីការធ្វើចំណាកស្រុកដោយសុវត្ថិភាព",
        "summary": "សេចក្ដីសង្ខេបមួយទំព័រ នៃការស្ទង់មតិប្រឌិតមួយលើយុវជន ៤០០ នាក់ នៅក្នុងខេត្តចំនួនប្រាំ៖ អ្វីដែលពួកគេដឹងអំពីក្រុមហ៊ុនជ្រើសរើសពលករ កិច្ចសន្យា និងកន្លែងទទួលជំនួយ។ ឯកសារនេះធ្វើឡើងសម្រាប់គេហទំព័រគំរូ តួលេខទាំងអស់មិនមែនជាតួលេខពិតទេ។",
        "authors": "សុវត្ថិភាពក្នុងការធ្វើចំណាកស្រុក (គំរូ)",
    },
    "en": {
        "title": "[DEMO] Safe migration survey summary",
        "summary": "A one-page summary of an invented survey of 400 young people in five provinces: what they know about recruitment agencies, contracts and where to get help. Made for the demo site; none of the figures are real.",
        "authors": "Safe Migration Hub (demo)",
    },
}

# The one-page PDF of the publication, in both languages; the figures are invented.
SURVEY_FINDINGS = [
    {
        "figure": "62%",
        "km": "បានឮអំពីក្រុមហ៊ុនជ្រើសរើសពលករ ប៉ុន្តែមានតែ ១៨% ប៉ុណ្ណោះ ដែលដឹងពីរបៀបពិនិត្យអាជ្ញាប័ណ្ណ។",
        "en": "had heard of recruitment agencies, but only 18% knew how to check a licence.",
    },
    {
        "figure": "41%",
        "km": "នឹងប្រគល់លិខិតឆ្លងដែនឱ្យនិយោជករក្សាទុក ប្រសិនបើគេសុំ។",
        "en": "would let an employer keep their passport if asked.",
    },
    {
        "figure": "35%",
        "km": "ស្គាល់លេខខ្សែទូរស័ព្ទជំនួយណាមួយ។",
        "en": "knew the number of a helpline.",
    },
    {
        "figure": "58%",
        "km": "ទុកចិត្តលើក្រុមគ្រួសារ និងមិត្តភក្តិច្រើនជាងគេ សម្រាប់ព័ត៌មានអំពីការងារនៅក្រៅប្រទេស។",
        "en": "trust family and friends most for information about jobs abroad.",
    },
]

SURVEY_TEXT = {
    "km": {
        "heading": "សេចក្ដីសង្ខេបការស្ទង់មតិអំពីការធ្វើចំណាកស្រុកដោយសុវត្ថិភាព",
        "intro": "យុវជន ៤០០ នាក់ អាយុពី ១៥ ដល់ ២៤ឆ្នាំ នៅខេត្តបន្ទាយមានជ័យ បាត់ដំបង សៀមរាប ព្រៃវែង និងស្វាយរៀង។",
        "recommendations_heading": "អនុសាសន៍",
        "recommendations": [
            "បង្រៀនពីរបៀបពិនិត្យអាជ្ញាប័ណ្ណក្រុមហ៊ុនជ្រើសរើសពលករ នៅគ្រប់កិច្ចប្រជុំក្លឹបយុវជន។",
            "ចែករំលែកលេខខ្សែទូរស័ព្ទជំនួយ តាមរយៈក្រុមប្រឹក្សាឃុំ និងបណ្ដាញសង្គម។",
            "អញ្ជើញឪពុកម្ដាយឱ្យចូលរួមមេរៀន ព្រោះយុវជនទុកចិត្តលើក្រុមគ្រួសារច្រើនជាងគេ។",
        ],
    },
    "en": {
        "heading": "Safe migration survey summary",
        "intro": "400 young people aged 15 to 24 in Banteay Meanchey, Battambang, Siem Reap, Prey Veng and Svay Rieng.",
        "recommendations_heading": "Recommendations",
        "recommendations": [
            "Teach how to check a recruitment agency's licence at every youth club meeting.",
            "Share the helpline number through commune councils and social media.",
            "Invite parents to the lessons: young people trust their families most.",
        ],
    },
    "banner": "DEMO · គំរូ — invented figures for the demo site · តួលេខប្រឌិត សម្រាប់គេហទំព័រគំរូ",
}
