"""Khmer translations of the spreadsheet imports (issue 6), for scripts/fill_translations.py."""

KM = {
    "Spreadsheet imports": "ការនាំចូលតារាងទិន្នន័យ",
    "“%(value)s” is not a date: write it as 31/12/2025 or 2025-12-31.": (
        "“%(value)s” មិនមែនជាកាលបរិច្ឆេទទេ៖ សូមសរសេរជា 31/12/2025 ឬ 2025-12-31។"
    ),
    "“%(value)s” is not a sex we know: write F or M (ស្រី or ប្រុស).": (
        "“%(value)s” មិនមែនជាភេទដែលយើងស្គាល់ទេ៖ សូមសរសេរ ស្រី ឬ ប្រុស (F ឬ M)។"
    ),
    "“%(value)s” is not an age band: write 10-14, 15-17, 18-24 or 25+.": (
        "“%(value)s” មិនមែនជាក្រុមអាយុទេ៖ សូមសរសេរ 10-14, 15-17, 18-24 ឬ 25+។"
    ),
    "There is no province “%(value)s”.": "គ្មានខេត្ត “%(value)s” ទេ។",
    "%(province)s is not one of your provinces: you cannot import its data.": (
        "%(province)s មិនមែនជាខេត្តដែលបានចាត់ឱ្យអ្នកទេ៖ អ្នកមិនអាចនាំចូលទិន្នន័យរបស់ខេត្តនេះបានទេ។"
    ),
    "There is no district “%(value)s” in %(province)s.": (
        "គ្មានស្រុក “%(value)s” នៅក្នុង%(province)sទេ។"
    ),
    "There is no commune “%(value)s” in %(province)s.": ("គ្មានឃុំ “%(value)s” នៅក្នុង%(province)sទេ។"),
    "There is no youth group “%(value)s” in %(province)s. Import or add it first.": (
        "គ្មានក្រុមយុវជន “%(value)s” នៅក្នុង%(province)sទេ។ សូមនាំចូល ឬបន្ថែមក្រុមនេះជាមុនសិន។"
    ),
    "Several youth groups in %(province)s are called “%(value)s”: rename one.": (
        "មានក្រុមយុវជនច្រើនក្នុង%(province)sដែលមានឈ្មោះ “%(value)s”៖ សូមប្ដូរឈ្មោះក្រុមមួយ។"
    ),
    "There is no published lesson “%(value)s”: give its title or its slug.": (
        "គ្មានមេរៀនដែលបានផ្សព្វផ្សាយឈ្មោះ “%(value)s” ទេ៖ សូមសរសេរចំណងជើង ឬ slug របស់មេរៀន។"
    ),
    "“%(value)s” is not an audience: write youth, parents, community or mixed.": (
        "“%(value)s” មិនមែនជាក្រុមអ្នកចូលរួមទេ៖ សូមសរសេរ យុវជន ឪពុកម្តាយ សហគមន៍ ឬ ចម្រុះ។"
    ),
    "The session with external id “%(value)s” belongs to another group.": (
        "វគ្គដែលមានលេខសម្គាល់ “%(value)s” ជារបស់ក្រុមផ្សេង។"
    ),
    "No one is counted: fill in at least one headcount column.": (
        "មិនទាន់មានការរាប់មនុស្សទេ៖ សូមបំពេញជួរឈរចំនួនមនុស្សយ៉ាងហោចណាស់មួយ។"
    ),
    "This session was verified already: change it in the admin, not by import.": (
        "វគ្គនេះត្រូវបានផ្ទៀងផ្ទាត់រួចហើយ៖ សូមកែវានៅក្នុងផ្ទាំងគ្រប់គ្រង មិនមែនដោយការនាំចូលទេ។"
    ),
    "There is no participant with the code %(code)s in your provinces.": (
        "គ្មានអ្នកចូលរួមដែលមានលេខកូដ %(code)s នៅក្នុងខេត្តរបស់អ្នកទេ។"
    ),
    "The file is too large (%(size)s MB): the limit is %(limit)s MB. Split it in two.": (
        "ឯកសារធំពេក (%(size)s MB)៖ ទំហំអតិបរមាគឺ %(limit)s MB។ សូមចែកវាជាពីរ។"
    ),
    "The file is protected by a password, or is an old Excel 97 (.xls) file. "
    "Remove the password, or save it as .xlsx or .csv, and upload it again.": (
        "ឯកសារនេះត្រូវបានការពារដោយពាក្យសម្ងាត់ ឬជាឯកសារ Excel 97 (.xls) ចាស់។ "
        "សូមដកពាក្យសម្ងាត់ចេញ ឬរក្សាទុកជា .xlsx ឬ .csv រួចផ្ទុកឡើងម្តងទៀត។"
    ),
    "The file is empty: there is no header row and no data.": (
        "ឯកសារទទេ៖ គ្មានជួរក្បាល និងគ្មានទិន្នន័យទេ។"
    ),
    "The file is not a spreadsheet we can read: save it as .xlsx or .csv.": (
        "ឯកសារនេះមិនមែនជាតារាងទិន្នន័យដែលយើងអាចអានបានទេ៖ សូមរក្សាទុកជា .xlsx ឬ .csv។"
    ),
    "The workbook has no sheet of data: put the rows on a sheet named “%(name)s”.": (
        "សៀវភៅបញ្ជីនេះគ្មានសន្លឹកទិន្នន័យទេ៖ សូមដាក់ជួរដេកនៅលើសន្លឹកឈ្មោះ “%(name)s”។"
    ),
    "The file is not in UTF-8. In your spreadsheet program choose “CSV UTF-8” when saving, "
    "or save it as .xlsx.": (
        "ឯកសារនេះមិនមែនជា UTF-8 ទេ។ ពេលរក្សាទុក សូមជ្រើស “CSV UTF-8” "
        "នៅក្នុងកម្មវិធីតារាងទិន្នន័យ ឬរក្សាទុកជា .xlsx។"
    ),
    "The file could not be read after row %(row)s: %(error)s": (
        "មិនអាចអានឯកសារបន្ទាប់ពីជួរដេកទី %(row)s បានទេ៖ %(error)s"
    ),
    "Choose what the file holds.": "សូមជ្រើសរើសប្រភេទទិន្នន័យក្នុងឯកសារ។",
    "The file has no column %(names)s. Check the sheet and the header row, "
    "or start from the template.": ("ឯកសារគ្មានជួរឈរ %(names)s ទេ។ សូមពិនិត្យសន្លឹក និងជួរក្បាល ឬចាប់ផ្ដើមពីគំរូ។"),
    "This column must be filled in.": "ជួរឈរនេះត្រូវតែបំពេញ។",
    "The file has a header row but no data rows.": "ឯកសារមានជួរក្បាល ប៉ុន្តែគ្មានជួរទិន្នន័យទេ។",
    "Only the officer who uploaded a file can import it.": (
        "មានតែមន្ត្រីដែលបានផ្ទុកឯកសារឡើងប៉ុណ្ណោះ ដែលអាចនាំចូលវាបាន។"
    ),
    "This file cannot be imported: check it again.": ("មិនអាចនាំចូលឯកសារនេះបានទេ៖ សូមពិនិត្យវាម្តងទៀត។"),
    "Something went wrong while reading the file; nothing was imported. Try again.": (
        "មានបញ្ហាពេលអានឯកសារ គ្មានអ្វីត្រូវបាននាំចូលទេ។ សូមព្យាយាមម្តងទៀត។"
    ),
    "The data changed since the file was checked, so nothing was imported. Check the file again.": (
        "ទិន្នន័យបានផ្លាស់ប្ដូរតាំងពីពេលពិនិត្យឯកសារ ដូច្នេះគ្មានអ្វីត្រូវបាននាំចូលទេ។ សូមពិនិត្យឯកសារម្តងទៀត។"
    ),
    "What the file holds": "ប្រភេទទិន្នន័យក្នុងឯកសារ",
    "Spreadsheet": "តារាងទិន្នន័យ",
    "An .xlsx file, or a .csv file saved as UTF-8.": ("ឯកសារ .xlsx ឬឯកសារ .csv ដែលរក្សាទុកជា UTF-8។"),
    "Import of %(file)s": "ការនាំចូល %(file)s",
    "The import was cancelled; nothing was written.": ("ការនាំចូលត្រូវបានបោះបង់ គ្មានអ្វីត្រូវបានរក្សាទុកទេ។"),
    "attendance, one row per person": "វត្តមាន មួយជួរដេកក្នុងមួយនាក់",
    "training sessions with headcounts": "វគ្គបណ្ដុះបណ្ដាល ជាមួយចំនួនមនុស្ស",
    "checking": "កំពុងពិនិត្យ",
    "checked, waiting for confirmation": "បានពិនិត្យ កំពុងរង់ចាំការបញ្ជាក់",
    "importing": "កំពុងនាំចូល",
    "imported": "បាននាំចូល",
    "failed, nothing imported": "បរាជ័យ គ្មានអ្វីត្រូវបាននាំចូលទេ",
    "cancelled": "បានបោះបង់",
    "imported by": "នាំចូលដោយ",
    "uploaded at": "ផ្ទុកឡើងនៅ",
    "finished at": "បញ្ចប់នៅ",
    "file name": "ឈ្មោះឯកសារ",
    "SHA-256 of the file": "SHA-256 របស់ឯកសារ",
    "rows read": "ជួរដេកដែលបានអាន",
    "rows created": "ជួរដេកដែលបានបង្កើត",
    "rows updated": "ជួរដេកដែលបានកែប្រែ",
    "rows unchanged": "ជួរដេកដែលមិនផ្លាស់ប្ដូរ",
    "rows rejected": "ជួរដេកដែលត្រូវបានបដិសេធ",
    "errors": "កំហុស",
    "problem with the file": "បញ្ហារបស់ឯកសារ",
    "import": "ការនាំចូល",
    "imports": "ការនាំចូល",
    "Uploaded by": "ផ្ទុកឡើងដោយ",
    "Checking the file…": "កំពុងពិនិត្យឯកសារ…",
    "Importing…": "កំពុងនាំចូល…",
    "%(done)s of about %(total)s rows": "%(done)s ក្នុងចំណោមប្រហែល %(total)s ជួរដេក",
    "This page refreshes by itself. You may leave it: the import goes on.": (
        "ទំព័រនេះធ្វើឱ្យស្រស់ដោយខ្លួនឯង។ អ្នកអាចចាកចេញបាន៖ ការនាំចូលនឹងបន្តដំណើរការ។"
    ),
    "What the import would do": "អ្វីដែលការនាំចូលនឹងធ្វើ",
    "What the import did": "អ្វីដែលការនាំចូលបានធ្វើ",
    "Rows read": "ជួរដេកដែលបានអាន",
    "Created": "បានបង្កើត",
    "To be created": "នឹងបង្កើត",
    "Updated": "បានកែប្រែ",
    "To be updated": "នឹងកែប្រែ",
    "Unchanged (already there)": "មិនផ្លាស់ប្ដូរ (មានរួចហើយ)",
    "Rows with a problem": "ជួរដេកដែលមានបញ្ហា",
    "Rows to fix": "ជួរដេកដែលត្រូវកែ",
    "Fix these rows in your file and upload it again. Nothing was saved.": (
        "សូមកែជួរដេកទាំងនេះក្នុងឯកសាររបស់អ្នក ហើយផ្ទុកឡើងម្តងទៀត។ គ្មានអ្វីត្រូវបានរក្សាទុកទេ។"
    ),
    "Row": "ជួរដេក",
    "Column": "ជួរឈរ",
    "Problem": "បញ្ហា",
    "Imported sessions arrive as submitted: verify them in the list of training sessions.": (
        "វគ្គដែលបាននាំចូលមានស្ថានភាព “បានដាក់ស្នើ”៖ សូមផ្ទៀងផ្ទាត់វានៅក្នុងបញ្ជីវគ្គបណ្ដុះបណ្ដាល។"
    ),
    "Confirm the import": "បញ្ជាក់ការនាំចូល",
    "Cancel": "បោះបង់",
    "See the imported sessions": "មើលវគ្គដែលបាននាំចូល",
    "Import another file": "នាំចូលឯកសារផ្សេងទៀត",
    "Import a spreadsheet": "នាំចូលតារាងទិន្នន័យ",
    "The file is checked first: you will see what would be created, updated and left "
    "unchanged, and every row that has a problem. Nothing is saved until you confirm.": (
        "ឯកសារត្រូវបានពិនិត្យជាមុនសិន៖ អ្នកនឹងឃើញអ្វីដែលនឹងត្រូវបង្កើត កែប្រែ ឬទុកដដែល "
        "និងគ្រប់ជួរដេកដែលមានបញ្ហា។ គ្មានអ្វីត្រូវបានរក្សាទុកទេ រហូតដល់អ្នកបញ្ជាក់។"
    ),
    "Files up to %(size)s MB.": "ឯកសាររហូតដល់ %(size)s MB។",
    "Check the file": "ពិនិត្យឯកសារ",
    "Templates": "គំរូ",
    "Each template has its columns in Khmer and English, drop-down lists and a sheet of "
    "instructions.": ("គំរូនីមួយៗមានជួរឈរជាភាសាខ្មែរ និងអង់គ្លេស បញ្ជីជម្រើស និងសន្លឹកការណែនាំ។"),
    "Template: %(label)s": "គំរូ៖ %(label)s",
    "Earlier imports": "ការនាំចូលមុនៗ",
    "File": "ឯកសារ",
    "What": "ប្រភេទ",
    "By": "ដោយ",
    "When": "ពេលវេលា",
    "Unchanged": "មិនផ្លាស់ប្ដូរ",
    "Rejected": "បានបដិសេធ",
    "Pages": "ទំព័រ",
    "Newer": "ថ្មីជាង",
    "Older": "ចាស់ជាង",
    "No imports yet.": "មិនទាន់មានការនាំចូលនៅឡើយទេ។",
    "“%(value)s” is not a date that exists.": "“%(value)s” មិនមែនជាកាលបរិច្ឆេទដែលមានពិតទេ។",
    "“%(value)s” is not a whole number.": "“%(value)s” មិនមែនជាចំនួនគត់ទេ។",
    "%(value)s is out of range: it must be between %(low)s and %(high)s.": (
        "%(value)s ហួសដែនកំណត់៖ ត្រូវតែនៅចន្លោះ %(low)s និង %(high)s។"
    ),
    "“%(value)s” is not yes or no.": "“%(value)s” មិនមែនជា បាទ/ចាស ឬ ទេ។",
    "The file is empty.": "ឯកសារទទេ។",
}

PLURALS = {
    "and %(counter)s more row with a problem.": ("និងជួរដេក %(counter)s ទៀតដែលមានបញ្ហា។"),
}
