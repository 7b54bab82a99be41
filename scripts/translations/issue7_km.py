"""Khmer for the programme reports (issue 7): the admin report, exports, panel, home figures."""

KM = {
    "What the youth clubs have done": "អ្វីដែលក្លឹបយុវជនបានធ្វើ",
    "People reached": "អ្នកទទួលការអប់រំ",
    "From trainings verified by program officers.": ("តាមវគ្គបណ្ដុះបណ្ដាលដែលមន្ត្រីកម្មវិធីបានផ្ទៀងផ្ទាត់។"),
    "Programme reach": "វិសាលភាពនៃកម្មវិធី",
    "Attendances and people reached by quarter": "ការចូលរួម និងអ្នកទទួលការអប់រំ តាមត្រីមាស",
    "Attendances and people reached by month": "ការចូលរួម និងអ្នកទទួលការអប់រំ តាមខែ",
    "Attendances and people reached by sex": "ការចូលរួម និងអ្នកទទួលការអប់រំ តាមភេទ",
    "Attendances and people reached by age band": "ការចូលរួម និងអ្នកទទួលការអប់រំ តាមក្រុមអាយុ",
    "Map of Cambodia's provinces shaded by people reached": (
        "ផែនទីខេត្តនៃប្រទេសកម្ពុជា ដាក់ពណ៌តាមចំនួនអ្នកទទួលការអប់រំ"
    ),
    "From": "ពី",
    "Period": "រយៈពេល",
    "all dates": "គ្រប់កាលបរិច្ឆេទ",
    "To": "ដល់",
    "Figure": "សូចនាករ",
    "Value": "តួលេខ",
    "Sessions held": "វគ្គដែលបានរៀបចំ",
    "Attendances counted by headcount": "ការចូលរួមដែលរាប់តាមចំនួនមនុស្ស",
    "Tests scored before and after": "តេស្តដែលមានពិន្ទុទាំងមុន និងក្រោយវគ្គ",
    "Mean score before": "ពិន្ទុមធ្យមមុនវគ្គ",
    "Mean score after": "ពិន្ទុមធ្យមក្រោយវគ្គ",
    "Knowledge gain (points)": "ចំណេះដឹងកើនឡើង (ពិន្ទុ)",
    "By quarter": "តាមត្រីមាស",
    "By month": "តាមខែ",
    "period": "រយៈពេល",
    "By sex": "តាមភេទ",
    "Handouts": "ឯកសារចែក",
    "Fewer": "តិច",
    "More people reached": "អ្នកទទួលការអប់រំច្រើន",
    "Choose a province or district first, then one of its youth groups.": (
        "សូមជ្រើសរើសខេត្ត ឬស្រុកជាមុនសិន បន្ទាប់មកជ្រើសរើសក្រុមយុវជនមួយនៅទីនោះ។"
    ),
    "by month or quarter": "តាមខែ ឬត្រីមាស",
    "by month": "តាមខែ",
    "by quarter": "តាមត្រីមាស",
    "Spreadsheet (XLSX), Khmer": "តារាង (XLSX) ជាភាសាខ្មែរ",
    "Spreadsheet (XLSX), English": "តារាង (XLSX) ជាភាសាអង់គ្លេស",
    "PDF report, Khmer": "របាយការណ៍ PDF ជាភាសាខ្មែរ",
    "PDF report, English": "របាយការណ៍ PDF ជាភាសាអង់គ្លេស",
    "Verified sessions only. People reached are distinct named participants; headcounts add "
    "to attendances, not to people reached.": (
        "រាប់តែវគ្គដែលបានផ្ទៀងផ្ទាត់។ អ្នកទទួលការអប់រំ គឺអ្នកចូលរួមតាមឈ្មោះ ដោយរាប់ម្នាក់តែម្ដង។ "
        "ចំនួនមនុស្សដែលរាប់ដោយគ្មានឈ្មោះ បូកចូលក្នុងការចូលរួម ប៉ុន្តែមិនបូកចូលក្នុងអ្នកទទួលការអប់រំទេ។"
    ),
    "Attendances: %(named)s of named participants and %(counted)s counted by headcount.": (
        "ការចូលរួម៖ %(named)s ដងដោយអ្នកចូលរួមតាមឈ្មោះ និង %(counted)s ដងដែលរាប់តាមចំនួនមនុស្ស។"
    ),
    "No figures": "មិនទាន់មានតួលេខ",
    "Who was reached": "អ្នកណាខ្លះបានទទួលការអប់រំ",
    "Attendances by the age on the day; people by their age band at their latest session.": (
        "ការចូលរួមរាប់តាមអាយុនៅថ្ងៃវគ្គ។ អ្នកទទួលការអប់រំរាប់តាមក្រុមអាយុនៅវគ្គចុងក្រោយរបស់ពួកគេ។"
    ),
    "%(planning)s people reached plan to migrate; %(returned)s returned migrants were reached.": (
        "អ្នកទទួលការអប់រំ %(planning)s នាក់មានគម្រោងធ្វើចំណាកស្រុក។ "
        "ជនចំណាកស្រុកដែលបានត្រឡប់មកវិញ %(returned)s នាក់បានទទួលការអប់រំ។"
    ),
    "Knowledge gain": "ចំណេះដឹងដែលកើនឡើង",
    "No attendance has both a pre-test and a post-test score yet.": (
        "មិនទាន់មានការចូលរួមណាដែលមានពិន្ទុតេស្តទាំងមុន និងក្រោយវគ្គនៅឡើយទេ។"
    ),
    "No lesson was taught at a verified session yet.": (
        "មិនទាន់មានមេរៀនណាបានបង្រៀននៅវគ្គដែលបានផ្ទៀងផ្ទាត់នៅឡើយទេ។"
    ),
    "Provinces where no lesson was taught yet:": "ខេត្តដែលមិនទាន់មានការបង្រៀនមេរៀនណាមួយ៖",
    "none": "គ្មាន",
    "Downloads are counted without a place, so only the dates of the report apply to them.": (
        "ការទាញយកត្រូវបានរាប់ដោយគ្មានទីកន្លែង ដូច្នេះមានតែកាលបរិច្ឆេទនៃរបាយការណ៍ប៉ុណ្ណោះដែលអនុវត្ត។"
    ),
    "No downloads in this period.": "គ្មានការទាញយកក្នុងរយៈពេលនេះទេ។",
    "Verified sessions in your provinces.": "វគ្គដែលបានផ្ទៀងផ្ទាត់ក្នុងខេត្តរបស់អ្នក។",
    "change": "ការប្រែប្រួល",
    "Open the programme report": "បើករបាយការណ៍កម្មវិធី",
    "Made on %(day)s": "ធ្វើនៅ %(day)s",
    "Training sessions held": "វគ្គបណ្ដុះបណ្ដាលដែលបានរៀបចំ",
    "Provinces covered": "ខេត្តដែលបានគ្របដណ្ដប់",
    "Attendances": "ការចូលរួម",
    "Summary": "សេចក្ដីសង្ខេប",
    "Attendances of named participants": "ការចូលរួមរបស់អ្នកចូលរួមតាមឈ្មោះ",
    "People planning to migrate": "អ្នកមានគម្រោងធ្វើចំណាកស្រុក",
    "Returned migrants reached": "ជនចំណាកស្រុកត្រឡប់មកវិញដែលបានទទួលការអប់រំ",
    "Active youth groups": "ក្រុមយុវជនដែលសកម្ម",
    "Active peer educators": "អ្នកអប់រំមិត្តអប់រំមិត្តដែលសកម្ម",
    "By province": "តាមខេត្ត",
    "By district": "តាមស្រុក",
    "By age band": "តាមក្រុមអាយុ",
    "Destinations": "ទិសដៅ",
    "not given": "មិនបានបញ្ជាក់",
    "Where taught": "កន្លែងដែលបានបង្រៀន",
    "Provinces not reached yet": "ខេត្តដែលមិនទាន់បានបង្រៀន",
    "No lesson taught yet": "មិនទាន់បានបង្រៀនមេរៀនណាមួយ",
    "language": "ភាសា",
    "Lesson plans": "ផែនការមេរៀន",
    "Download XLSX": "ទាញយក XLSX",
    "Download PDF": "ទាញយក PDF",
    "Download CSV": "ទាញយក CSV",
    "Headline figures": "ចំនួនសំខាន់ៗ",
    "People reached by province": "អ្នកទទួលការអប់រំតាមខេត្ត",
    "Migration": "ការធ្វើចំណាកស្រុក",
    "Handout downloads": "ការទាញយកឯកសារចែក",
    "Verify them": "ផ្ទៀងផ្ទាត់វគ្គទាំងនោះ",
    "Download this report": "ទាញយករបាយការណ៍នេះ",
}

PLURALS = {
    "%(count)s session is waiting for your verification.": (
        "មានវគ្គ %(count)s កំពុងរង់ចាំការផ្ទៀងផ្ទាត់របស់អ្នក។"
    ),
}
