"""Demo content for the Corniche Wellness Clinic site.

Pure Python data with no Django imports: a loader elsewhere turns it into settings, people,
categories, pages and articles. Everything here is fictional: the clinic, its staff, licence
numbers, phone numbers and address. The articles are general health information written for
the demo; they are not medical advice.

Rich text values are HTML limited to p, b, i, ul, ol, li and external <a href="https://...">
links. Stream blocks are dicts of {"type": ..., "value": ...} using the block types heading,
paragraph, quote, callout, faq, cta and contact_form. A "page" or "form_page" value is the slug
of the page to link to (here always "contact").
"""

# Clinic details for site settings, header and footer.
CLINIC = {
    "name": "Corniche Wellness Clinic",
    "tagline": "Physiotherapy, sports medicine and family care beside the Ajman Corniche",
    "address_lines": [
        "Ground Floor, Marina Pearl Building",
        "Corniche Road, Al Rashidiya 2",
        "Ajman, United Arab Emirates",
    ],
    "po_box": "P.O. Box 27093",
    "phone": "+971 6 555 0142",
    "whatsapp": "+971 50 555 0187",
    "email": "hello@example.com",
    "about": (
        "Corniche Wellness Clinic is an independent outpatient clinic in Ajman offering "
        "physiotherapy, orthopaedics, sports injury rehabilitation, family medicine, dermatology "
        "and nutrition care, seven days a week."
    ),
}

# Fictional clinicians; articles refer to them by key.
PEOPLE = [
    {
        "key": "layla-haddad",
        "name": "Dr Layla Haddad",
        "credentials": "BSc PT, DPT",
        "speciality": "Senior Physiotherapist, spine and musculoskeletal care",
        "licence_number": "MOHAP-PT-20417",
        "bio": (
            "Layla leads the physiotherapy team and has a special interest in persistent back and "
            "neck pain and in pregnancy-related pelvic pain. She pairs a careful assessment with "
            "exercise programmes that patients can realistically keep up at home. Away from the "
            "clinic she coaches a community netball team."
        ),
        "languages": "English, Arabic",
    },
    {
        "key": "omar-siddiqui",
        "name": "Dr Omar Siddiqui",
        "credentials": "MBBS, MSc Sports Medicine, FRCS (Tr & Orth)",
        "speciality": "Consultant Orthopaedic Surgeon, sports injuries",
        "licence_number": "MOHAP-DR-31862",
        "bio": (
            "Omar looks after knee, ankle and shoulder problems in people of all ages, from "
            "weekend footballers to grandparents who want to keep walking. He favours trying "
            "well-structured rehabilitation first and explains every option, including surgery, in "
            "plain language."
        ),
        "languages": "English, Arabic, Urdu",
    },
    {
        "key": "mariam-al-nuaimi",
        "name": "Dr Mariam Al Nuaimi",
        "credentials": "MBBS, MRCGP",
        "speciality": "Family Medicine Specialist",
        "licence_number": "MOHAP-DR-27540",
        "bio": (
            "Mariam trained in family medicine in the United Kingdom before returning home to the "
            "Emirates. She sees adults and children for everyday illnesses, long-term conditions "
            "and health checks, and has a particular interest in women's health and lifestyle "
            "medicine."
        ),
        "languages": "English, Arabic",
    },
]

# Article categories.
CATEGORIES = [
    {
        "name": "Back & neck pain",
        "slug": "back-and-neck-pain",
        "description": (
            "Practical guidance on common spine problems, from sudden back spasms to a stiff neck "
            "after long days at a screen."
        ),
    },
    {
        "name": "Sports injuries",
        "slug": "sports-injuries",
        "description": (
            "Recovering from sprains, strains and overuse injuries, and getting back to the sport "
            "you enjoy with confidence."
        ),
    },
    {
        "name": "Healthy living",
        "slug": "healthy-living",
        "description": (
            "Everyday habits for staying active and well in the UAE, whatever the season."
        ),
    },
    {
        "name": "Women's health",
        "slug": "womens-health",
        "description": (
            "Information on health topics that affect women, including pregnancy, the postnatal "
            "period and beyond."
        ),
    },
]

# Home page.
HOME = {
    "hero_heading": "Move better and feel better, close to home in Ajman",
    "hero_text": (
        "Physiotherapy, orthopaedic and family medicine care on the Ajman Corniche, open every day "
        "from 8am to 10pm. Our team speaks English and Arabic."
    ),
    "hero_button_text": "Book a free evaluation",
    "services": [
        {
            "title": "Physiotherapy",
            "summary": (
                "Assessment and exercise-based treatment for back, neck and joint pain, so you can "
                "get on with your day."
            ),
            "page_slug": "physiotherapy",
        },
        {
            "title": "Orthopaedics & sports injuries",
            "summary": (
                "Specialist diagnosis and rehabilitation for sprains, tears and painful joints, "
                "from first visit to full return to sport."
            ),
            "page_slug": "orthopaedics-and-sports-injuries",
        },
        {
            "title": "Family medicine & nutrition",
            "summary": (
                "Everyday care for the whole family, with practical nutrition advice built in."
            ),
            "page_slug": "family-medicine-and-nutrition",
        },
        {
            "title": "Dermatology",
            "summary": (
                "Assessment and treatment for common skin conditions, plus mole checks and "
                "sun-safety advice."
            ),
            "page_slug": "dermatology",
        },
    ],
    "intro_heading": "Care that fits around your week",
    "intro_paragraph": (
        "<p>Whether you have woken up with a locked back, twisted an ankle at five-a-side or "
        "simply want a health check, our clinicians take time to listen, examine you properly and "
        "explain what they find. Because physiotherapy, orthopaedics and family medicine share one "
        "building, your care stays joined up, and you can book early mornings, evenings and "
        "weekends.</p>"
    ),
}

# About page.
ABOUT = {
    "title": "About us",
    "slug": "about",
    "intro": (
        "An independent outpatient clinic on the Ajman Corniche, bringing physiotherapy, "
        "orthopaedics, family medicine, dermatology and nutrition together under one roof."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Corniche Wellness Clinic was set up around a simple idea: good outpatient care "
                "should be easy to reach, unhurried and clearly explained. Our physiotherapists, "
                "doctors and dietitian work side by side, so someone who arrives with a painful "
                "knee can see the right person without being sent across town.</p><p>We are open "
                "from 8am to 10pm every day of the week, which makes it easier to fit appointments "
                "around work, school runs and family commitments.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "How we work",
                "level": "h2",
            },
        },
        {
            "type": "paragraph",
            "value": (
                "<ul><li><b>Assessment before treatment.</b> We take time to understand the "
                "problem before suggesting what to do about it.</li><li><b>Plain language.</b> You "
                "will leave knowing what we think is going on, what the options are and what you "
                "can do yourself.</li><li><b>Joined-up care.</b> If you need a scan, a specialist "
                "opinion or a different kind of treatment, we arrange it and share the plan with "
                "you.</li><li><b>Your preferences matter.</b> Consultations are available in "
                "English and Arabic, and you can ask to see a female or male clinician.</li></ul>"
            ),
        },
        {
            "type": "quote",
            "value": {
                "quote": (
                    "I would rather spend an extra ten minutes explaining a diagnosis than have "
                    "someone leave the room unsure what to do next. Understanding your own health "
                    "is part of the treatment."
                ),
                "attribution": "Dr Mariam Al Nuaimi, Family Medicine Specialist",
            },
        },
        {
            "type": "callout",
            "value": {
                "style": "info",
                "heading": "Free initial evaluation",
                "text": (
                    "<p>New physiotherapy and sports injury patients can book a free 20-minute "
                    "evaluation to talk through their problem and find out whether treatment is "
                    "likely to help. There is no obligation to continue.</p>"
                ),
            },
        },
        {
            "type": "cta",
            "value": {
                "heading": "Come and meet the team",
                "text": (
                    "Book a free evaluation online, or call or message us any day between 8am and "
                    "10pm."
                ),
                "button_text": "Book a free evaluation",
                "page": "contact",
                "show_phone": True,
                "show_whatsapp": True,
            },
        },
    ],
}

# Services index page; SERVICES are its children.
SERVICES_INDEX = {
    "title": "Services",
    "slug": "services",
    "intro": (
        "Physiotherapy, orthopaedics, sports injury rehabilitation, family medicine, dermatology "
        "and nutrition, all at one clinic on the Ajman Corniche."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Many problems are best handled by more than one professional. A runner with "
                "knee pain may need an orthopaedic opinion and then a block of physiotherapy; "
                "someone managing diabetes may benefit from both their family doctor and our "
                "dietitian. Having these services in one place makes it simpler to coordinate your "
                "care.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Not sure where to start?",
                "level": "h2",
            },
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Tell our reception team briefly what is troubling you and they will suggest "
                "the most suitable first appointment. For pain and injuries, a free physiotherapy "
                "evaluation is often a good place to begin.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "style": "info",
                "heading": "Insurance and payment",
                "text": (
                    "<p>We accept a range of insurance plans as well as self-paying patients. "
                    "Please contact reception before your visit to check your cover, and bring "
                    "your Emirates ID and insurance card with you.</p>"
                ),
            },
        },
        {
            "type": "cta",
            "value": {
                "heading": "Book an appointment",
                "text": (
                    "Choose a service on the booking form and we will call or message you to "
                    "confirm a time."
                ),
                "button_text": "Go to booking form",
                "page": "contact",
                "show_phone": True,
                "show_whatsapp": True,
            },
        },
    ],
}

SERVICES = [
    {
        "title": "Physiotherapy",
        "slug": "physiotherapy",
        "intro": (
            "Evidence-based physiotherapy for back, neck, shoulder and joint problems, with "
            "treatment plans built around your goals and your daily routine."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Our physiotherapists help people recover from pain and injury, regain "
                    "movement after surgery and manage long-standing joint problems. Treatment "
                    "combines clear explanation, exercise and, where it helps, hands-on "
                    "techniques.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Problems we often help with",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Low back pain, sciatica and back spasms</li><li>Neck and shoulder "
                    "pain, including desk-related stiffness</li><li>Knee, hip and ankle "
                    "pain</li><li>Rehabilitation after orthopaedic surgery</li><li>Pelvic girdle "
                    "pain during and after pregnancy</li></ul>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "What to expect",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Your first appointment lasts about 45 minutes and includes a detailed "
                    "conversation, a physical examination and an agreed plan. Please wear "
                    "comfortable clothing that lets us see the area being assessed. Follow-up "
                    "sessions are usually shorter and focus on progressing your exercises.</p>"
                ),
            },
            {
                "type": "cta",
                "value": {
                    "heading": "Start with a free evaluation",
                    "text": (
                        "Meet a physiotherapist for a free 20-minute evaluation and find out "
                        "whether treatment is right for you."
                    ),
                    "button_text": "Book a free evaluation",
                    "page": "contact",
                    "show_phone": True,
                    "show_whatsapp": True,
                },
            },
        ],
    },
    {
        "title": "Orthopaedics & sports injuries",
        "slug": "orthopaedics-and-sports-injuries",
        "intro": (
            "Specialist assessment of bone, joint, ligament and tendon problems, with a strong "
            "focus on rehabilitation and safe return to sport."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Our orthopaedic clinic sees people with recent injuries as well as "
                    "long-standing joint pain. We arrange X-rays, ultrasound or MRI scans when "
                    "they are likely to change your treatment, and we work closely with our "
                    "physiotherapists so that rehabilitation starts at the right time.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Common reasons to visit",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Ankle and knee sprains, including ligament injuries</li><li>Shoulder "
                    "pain and reduced movement</li><li>Tendon problems such as tennis elbow or "
                    "Achilles pain</li><li>Osteoarthritis of the hip or knee</li><li>Advice before "
                    "and after joint surgery</li></ul>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "style": "urgent",
                    "heading": "Injuries that need emergency care",
                    "text": (
                        "<p>If a limb looks deformed, you cannot move or put any weight on it, the "
                        "skin is broken over a possible fracture, or a hand or foot is cold, pale "
                        "or numb, go to the nearest emergency department or call 998.</p>"
                    ),
                },
            },
            {
                "type": "cta",
                "value": {
                    "heading": "Get your injury assessed",
                    "text": (
                        "Book a consultation and leave with a clear diagnosis and a plan for "
                        "getting back to what you love doing."
                    ),
                    "button_text": "Book an assessment",
                    "page": "contact",
                    "show_phone": True,
                    "show_whatsapp": True,
                },
            },
        ],
    },
    {
        "title": "Family medicine & nutrition",
        "slug": "family-medicine-and-nutrition",
        "intro": (
            "Everyday medical care for adults and children, long-term condition reviews and "
            "practical nutrition support from our dietitian."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Our family medicine doctors are often the first point of contact for new "
                    "symptoms, and they can look after you over the long term. Appointments cover "
                    "short-term illnesses, check-ups, vaccinations and ongoing conditions such as "
                    "diabetes, high blood pressure and asthma.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Nutrition support",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Our dietitian offers realistic, culturally familiar advice for weight "
                    "management, diabetes, digestive problems and sports performance. Plans are "
                    "built around the foods you actually eat, including during Ramadan and family "
                    "gatherings, rather than strict lists of banned items.</p>"
                ),
            },
            {
                "type": "cta",
                "value": {
                    "heading": "Book a family medicine appointment",
                    "text": (
                        "Same-day appointments are often available, including evenings and "
                        "weekends."
                    ),
                    "button_text": "Book an appointment",
                    "page": "contact",
                    "show_phone": True,
                    "show_whatsapp": True,
                },
            },
        ],
    },
    {
        "title": "Dermatology",
        "slug": "dermatology",
        "intro": (
            "Assessment and treatment of common skin, hair and nail conditions, plus mole checks "
            "and advice on protecting your skin from strong sunshine."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Our dermatology clinic sees adults and children with conditions such as "
                    "acne, eczema, psoriasis, fungal infections and hair loss. Treatment plans "
                    "take account of the UAE climate, where heat, humidity and air conditioning "
                    "can all affect how skin behaves.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Checking your moles",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Most moles are harmless, but it is worth knowing your skin. Book a check "
                    "if a mole changes in size, shape or colour, bleeds or itches, or looks "
                    "different from your other moles.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "style": "warning",
                    "heading": "Sun safety matters all year",
                    "text": (
                        "<p>Strong sunshine is a year-round fact of life here. Use a "
                        "broad-spectrum sunscreen, seek shade in the middle of the day and wear a "
                        "hat and sunglasses outdoors.</p>"
                    ),
                },
            },
            {
                "type": "cta",
                "value": {
                    "heading": "Book a skin consultation",
                    "text": (
                        "Choose Dermatology on our booking form and we will contact you to arrange "
                        "a time."
                    ),
                    "button_text": "Book a consultation",
                    "page": "contact",
                    "show_phone": True,
                    "show_whatsapp": False,
                },
            },
        ],
    },
]

# Contact page with a Wagtail form builder form, fields in display order.
CONTACT = {
    "title": "Book a free evaluation",
    "slug": "contact",
    "intro": (
        "<p>Tell us a little about what you need and our reception team will contact you, usually "
        "the same day, to arrange a convenient time. Prefer to talk now? Call or WhatsApp us any "
        "day between 8am and 10pm.</p><p>This form is not monitored for emergencies. If you need "
        "urgent medical help, call 998 or go to your nearest emergency department.</p>"
    ),
    "thank_you_text": (
        "<p>Thank you. We have received your request and a member of our team will be in touch "
        "soon using your preferred contact method.</p><p>If your symptoms get worse or you notice "
        "any urgent warning signs before then, please do not wait for our call: contact 998 or go "
        "to the nearest emergency department.</p>"
    ),
    "fields": [
        {
            "label": "Full name",
            "field_type": "singleline",
            "required": True,
            "help_text": "",
            "choices": "",
            "default_value": "",
        },
        {
            "label": "Phone number",
            "field_type": "singleline",
            "required": True,
            "help_text": "Please include the country code if your number is not a UAE number.",
            "choices": "",
            "default_value": "",
        },
        {
            "label": "Email address",
            "field_type": "email",
            "required": False,
            "help_text": "Optional. We only use it to reply to this request.",
            "choices": "",
            "default_value": "",
        },
        {
            "label": "Preferred contact method",
            "field_type": "radio",
            "required": True,
            "help_text": "",
            "choices": "Phone call\nWhatsApp\nEmail",
            "default_value": "Phone call",
        },
        {
            "label": "Service",
            "field_type": "dropdown",
            "required": True,
            "help_text": "Not sure? Choose 'Not sure yet' and we will help you decide.",
            "choices": (
                "Physiotherapy\nOrthopaedics\nSports injury rehabilitation\nFamily "
                "medicine\nDermatology\nNutrition\nNot sure yet"
            ),
            "default_value": "",
        },
        {
            "label": "How can we help?",
            "field_type": "multiline",
            "required": False,
            "help_text": (
                "A few words are enough, for example 'lower back pain for two weeks'. Please do "
                "not include detailed medical history, test results or other clinical details "
                "here; we will discuss them privately at your appointment."
            ),
            "choices": "",
            "default_value": "",
        },
        {
            "label": (
                "I agree that Corniche Wellness Clinic may store these details and contact me "
                "about this request."
            ),
            "field_type": "checkbox",
            "required": True,
            "help_text": (
                "We do not use your details for marketing and never share them with third parties "
                "for that purpose."
            ),
            "choices": "",
            "default_value": "",
        },
    ],
}

# Health articles, newest first.
ARTICLES = [
    {
        "slug": "muscle-spasm-and-back-pain",
        "title": "Muscle spasm and back pain: what you need to know",
        "summary": (
            "Why back muscles suddenly lock up, what tends to trigger it, how to ease a spasm "
            "safely at home and which symptoms mean you should get urgent medical help."
        ),
        "categories": [
            "back-and-neck-pain",
        ],
        "tags": [
            "back pain",
            "muscle spasm",
            "physiotherapy",
            "lower back",
        ],
        "author": "layla-haddad",
        "reviewer": "omar-siddiqui",
        "days_ago": 9,
        "reviewed_days_ago": 3,
        "image_colour": "#5b8fa8",
        "image_title": "Abstract illustration of a spine and the muscles of the back",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>You bend to lift a laundry basket and a band of muscle across your lower "
                    "back suddenly grips tight. Straightening up feels impossible and every small "
                    "movement brings a jolt. A back spasm can be alarming, yet it usually settles "
                    "with time, sensible self-care and a gradual return to your "
                    "routine.</p><p>Below we look at what is happening in the muscle, what tends "
                    "to set it off, which symptoms need a doctor today and how physiotherapy can "
                    "help.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "What happens during a back spasm?",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>A spasm is a sudden tightening of a muscle that you did not choose to make "
                    "and cannot easily switch off. In the back it usually involves the long "
                    "muscles running either side of the spine. The area may feel hard or knotted, "
                    "and the pain ranges from a dull ache to sharp catches.</p><p>Think of it as a "
                    "protective reflex: when your nervous system senses irritation or strain "
                    "nearby, it tightens the surrounding muscles to limit movement. That guarding "
                    "is well meant, but it can become painful in its own right.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Common causes",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Usually several smaller factors add up rather than one dramatic "
                    "injury:</p><ul><li><b>Unaccustomed effort</b>, such as moving furniture or a "
                    "long padel session after months off.</li><li><b>Long spells of sitting or "
                    "driving</b>, for example a daily commute on the Emirates Road.</li><li><b>An "
                    "irritated spinal joint or disc</b>, which makes nearby muscles "
                    "guard.</li><li><b>Poor sleep, stress and fatigue</b>, which make pain more "
                    "noticeable.</li></ul><p>Occasionally a spasm reflects an underlying problem "
                    "such as a disc injury, spinal arthritis or, rarely, an infection or other "
                    "illness, which is why the warning signs below matter.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "When back pain is a warning sign",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The great majority of back pain is not caused by serious disease. A small "
                    "number of cases are, and some of those need assessment within hours rather "
                    "than days.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "style": "urgent",
                    "heading": "Get urgent medical care if you notice any of these",
                    "text": (
                        "<ul><li>New difficulty passing urine, or loss of control of your bladder "
                        "or bowels</li><li>Numbness or altered feeling in the groin, genitals, "
                        "buttocks or inner thighs</li><li>Weakness in one or both legs, or a foot "
                        "that catches or drags as you walk</li><li>Back pain that began after a "
                        "fall, road accident or other significant injury</li><li>Back pain "
                        "together with a fever, chills or feeling generally unwell</li><li>Severe, "
                        "constant pain that is worse at night or comes with unexplained weight "
                        "loss</li><li>New back pain if you have had cancer, have a weakened immune "
                        "system or take long-term steroids</li></ul><p>Go to the nearest emergency "
                        "department or call 998 for an ambulance. Do not wait for a routine "
                        "appointment.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "Easing a spasm at home",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>If none of those warning signs apply, these steps usually help over the "
                    "first few days:</p><ul><li><b>Keep moving gently.</b> Short, frequent walks "
                    "generally beat lying in bed, which tends to slow recovery.</li><li><b>Try "
                    "warmth.</b> A warm shower or a wrapped heat pack can help the muscle let go. "
                    "Some people prefer cold early on; use whichever feels better, for around 20 "
                    "minutes at a time and never on bare skin.</li><li><b>Change position "
                    "often.</b> Lying on your side with a pillow between your knees may take the "
                    "strain off.</li><li><b>Slow your breathing.</b> A few minutes of slow, "
                    "relaxed breaths can take the edge off.</li></ul><p>Pain relief can make "
                    "staying active easier, but medicines do not suit everyone. Ask a pharmacist "
                    "or doctor first, especially if you are pregnant, take other medication or "
                    "have stomach, kidney or heart problems.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "style": "info",
                    "heading": "Worth knowing",
                    "text": (
                        "<p>The World Health Organization describes low back pain as the leading "
                        "cause of disability worldwide, yet most new episodes improve considerably "
                        "within a few weeks.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "How physiotherapy helps",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>If a spasm keeps returning or is slow to settle, a physiotherapist can "
                    "help you work out why.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "A thorough assessment",
                    "level": "h3",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>We ask how the pain began and what eases or aggravates it. We then watch "
                    "how you move, check the strength and sensation in your legs and screen for "
                    "the warning signs above. If you need a scan or a medical opinion, we arrange "
                    "it with our orthopaedic or family medicine colleagues.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Treatment that puts you in charge",
                    "level": "h3",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Hands-on techniques such as soft tissue work can relieve pain in the short "
                    "term, but the main goal is to rebuild your confidence in movement. Expect a "
                    "tailored exercise programme and a step-by-step plan for returning to the "
                    "activities you enjoy.</p>"
                ),
            },
            {
                "type": "quote",
                "value": {
                    "quote": (
                        "For most people a back spasm is a loud alarm rather than a sign of "
                        "serious damage. Once patients understand that, they tend to move with "
                        "more confidence, and that is usually when things start to improve."
                    ),
                    "attribution": "Dr Layla Haddad, Senior Physiotherapist",
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "Preventing recurrences",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Nothing can guarantee back pain will never return, but staying active has "
                    "the strongest evidence. Helpful habits include:</p><ul><li>Moving most days, "
                    "whether walking the Corniche in the cooler hours, swimming or a class you "
                    "enjoy.</li><li>Building strength in your legs, hips and trunk "
                    "steadily.</li><li>Breaking up long periods of sitting with a short walk or "
                    "stretch every half hour or so.</li><li>Protecting your sleep and managing "
                    "stress, as both affect how sensitive your back feels.</li></ul>"
                ),
            },
            {
                "type": "faq",
                "value": {
                    "heading": "Frequently asked questions",
                    "items": [
                        {
                            "question": "Should I stay in bed until the spasm passes?",
                            "answer": (
                                "<p>Usually not. A short rest when the pain peaks is fine, but "
                                "days in bed tend to increase stiffness. Gentle, regular movement "
                                "generally speeds recovery.</p>"
                            ),
                        },
                        {
                            "question": "Is heat or ice better for a back spasm?",
                            "answer": (
                                "<p>There is no strict rule. Many people find heat more soothing "
                                "for tight muscles; others prefer cold in the first day or two. "
                                "Choose whichever helps you move more easily.</p>"
                            ),
                        },
                        {
                            "question": "Do I need an X-ray or MRI scan?",
                            "answer": (
                                "<p>Most people do not. Scans rarely change treatment and often "
                                "show age-related changes that are not the source of the pain. "
                                "Your clinician will recommend imaging if your symptoms suggest it "
                                "would help.</p>"
                            ),
                        },
                        {
                            "question": "How long does a back spasm usually last?",
                            "answer": (
                                "<p>Many spasms ease noticeably within a few days. If yours is not "
                                "getting better after one to two weeks, or keeps returning, have "
                                "it assessed.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "cta",
                "value": {
                    "heading": "Book a free physiotherapy evaluation",
                    "text": (
                        "Meet one of our physiotherapists for a free 20-minute evaluation and "
                        "leave with a clear plan. We are open every day from 8am to 10pm."
                    ),
                    "button_text": "Book your free evaluation",
                    "page": "contact",
                    "show_phone": True,
                    "show_whatsapp": True,
                },
            },
            {
                "type": "contact_form",
                "value": {
                    "form_page": "contact",
                    "heading": "Request a call back",
                    "intro": (
                        "Leave your details and we will contact you, in English or Arabic, to "
                        "arrange a time."
                    ),
                },
            },
        ],
    },
    {
        "slug": "neck-pain-from-phones-and-desk-work",
        "title": "Neck pain from phones and desk work: practical ways to ease it",
        "summary": (
            "Long hours on laptops and phones can leave your neck stiff and sore. Here is why it "
            "happens, simple changes to your set-up and routine, and the symptoms that need a "
            "doctor."
        ),
        "categories": [
            "back-and-neck-pain",
            "healthy-living",
        ],
        "tags": [
            "neck pain",
            "posture",
            "office health",
            "screen time",
        ],
        "author": "layla-haddad",
        "reviewer": "mariam-al-nuaimi",
        "days_ago": 24,
        "reviewed_days_ago": 18,
        "image_colour": "#7aa59a",
        "image_title": "Abstract illustration of a neck and shoulders beside a laptop screen",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>By mid-afternoon your shoulders have crept up towards your ears, and "
                    "checking your blind spot on the drive home is harder than it was this "
                    "morning. Neck pain linked to long hours on laptops and phones is one of the "
                    "complaints we hear most often, from office workers and university students to "
                    "keen gamers.</p><p>The encouraging news is that it usually responds well to "
                    "small, sustainable changes. You do not need an expensive chair or a textbook "
                    "posture, and a few simple habits often make a noticeable difference within "
                    "weeks.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Why screens can leave your neck sore",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Your head is surprisingly heavy. When you tilt it forward to read a phone "
                    "or peer at a low laptop, the muscles at the back of the neck and across the "
                    "top of the shoulders work harder to hold it in place. Doing that for a few "
                    "minutes is harmless. Holding one position for hours, day after day, is what "
                    "tends to cause trouble: muscles tire, joints stiffen and the tissues become "
                    "more sensitive.</p><p>Research has not identified one correct posture that "
                    "prevents neck pain. What seems to matter more is how long you stay still and "
                    "how much variety your body gets across the day. Stress, poor sleep and low "
                    "overall activity can also make neck pain more likely and slower to "
                    "settle.</p><p>Most desk-related neck pain improves within a few weeks. "
                    "Ongoing stiffness, headaches that start at the base of the skull or aching "
                    "that spreads into the shoulder blade are all good reasons to have it looked "
                    "at properly.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Adjusting your set-up and routine",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Begin with the changes that are easiest to keep up:</p><ul><li><b>Raise "
                    "the screen.</b> Aim for the top of your monitor to sit at roughly eye level. "
                    "On a laptop, a stand with a separate keyboard and mouse makes a big "
                    "difference.</li><li><b>Bring the phone up.</b> Hold it nearer eye level for "
                    "long messages or videos, and rest your elbows on a table or "
                    "cushion.</li><li><b>Let the chair do some work.</b> Sit back so the backrest "
                    "supports you, with your feet flat on the floor or on a "
                    "footrest.</li><li><b>Move little and often.</b> Stand, walk or change "
                    "position roughly every 30 minutes. Taking phone calls on your feet is an easy "
                    "win.</li><li><b>Remember the car and the sofa.</b> Long drives and late-night "
                    "scrolling slumped on a low sofa count too.</li></ul>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Three gentle exercises to try",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Do these slowly a few times a day, stopping short of pain. A mild "
                    "stretching feeling is fine.</p><ol><li><b>Chin tucks:</b> sitting tall, "
                    "gently draw your chin straight back as though making a double chin, hold for "
                    "a few seconds, then relax. Repeat five to ten times.</li><li><b>Shoulder "
                    "rolls:</b> lift your shoulders towards your ears, roll them back and down, "
                    "then let them settle. Repeat ten times.</li><li><b>Neck turns:</b> slowly "
                    "turn your head to look over one shoulder, pause, then turn to the other side. "
                    "Repeat five times each way.</li></ol><p>If any exercise brings on pins and "
                    "needles, dizziness or increasing pain, stop and ask a physiotherapist for "
                    "advice. General activity such as walking, swimming or a gym session also "
                    "helps, so do not rely on neck exercises alone.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "style": "urgent",
                    "heading": "When neck pain needs urgent attention",
                    "text": (
                        "<ul><li>Neck pain after a fall, a sports collision or a road traffic "
                        "accident</li><li>Numbness, tingling or weakness spreading into the arms "
                        "or hands, or new clumsiness such as dropping things</li><li>Unsteady "
                        "walking, or changes in bladder or bowel control</li><li>A stiff neck with "
                        "a fever, a rash, a severe headache or discomfort looking at bright "
                        "light</li><li>Neck pain with a sudden severe headache, double vision, "
                        "slurred speech or difficulty swallowing</li></ul><p>Seek emergency care "
                        "straight away or call 998. For neck pain that is simply not improving "
                        "after a few weeks, book a routine appointment with a doctor or "
                        "physiotherapist.</p>"
                    ),
                },
            },
            {
                "type": "cta",
                "value": {
                    "heading": "Stiff neck that will not settle?",
                    "text": (
                        "Our physiotherapists can assess your neck, look at how you work and give "
                        "you a plan that fits your day. Book a free evaluation at our Ajman clinic."
                    ),
                    "button_text": "Book a free evaluation",
                    "page": "contact",
                    "show_phone": True,
                    "show_whatsapp": True,
                },
            },
        ],
    },
    {
        "slug": "returning-to-running-after-an-ankle-sprain",
        "title": "Returning to running and sport after an ankle sprain",
        "summary": (
            "A step-by-step look at recovering from a sprained ankle, from the first few days to "
            "your first run back, and the signs that mean your ankle should be checked."
        ),
        "categories": [
            "sports-injuries",
        ],
        "tags": [
            "ankle sprain",
            "running",
            "sports rehab",
            "balance training",
        ],
        "author": "omar-siddiqui",
        "reviewer": "layla-haddad",
        "days_ago": 41,
        "reviewed_days_ago": 14,
        "image_colour": "#8a9fc4",
        "image_title": "Abstract illustration of an ankle and a running shoe",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Rolling your ankle on an uneven pavement, landing on an opponent's foot at "
                    "five-a-side or twisting awkwardly on a padel court: ankle sprains are among "
                    "the most common sports injuries we treat. Most involve the ligaments on the "
                    "outside of the ankle, which are stretched or partly torn when the foot turns "
                    "sharply inwards.</p><p>Plenty of people are walking normally within a week or "
                    "two and assume the job is done. Yet a previous sprain is one of the strongest "
                    "predictors of another one, often because strength and balance have not fully "
                    "returned. A structured comeback gives you the best chance of staying on your "
                    "feet.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "The first few days",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Early on, the aim is to protect the ankle while keeping it gently "
                    "moving:</p><ul><li>Use crutches or a brace briefly if walking is very "
                    "painful, then walk as normally as you can as soon as you are "
                    "able.</li><li>Raise the foot above hip level when resting to help control "
                    "swelling, and consider a light elastic support.</li><li>Move the ankle "
                    "through comfortable ranges, for example by tracing the letters of the "
                    "alphabet in the air with your toes.</li></ul><p>Ice is widely used for "
                    "comfort, although evidence that it speeds healing is limited. For the first "
                    "couple of days it is sensible to avoid strenuous exercise, alcohol and hot "
                    "baths, as they may increase swelling.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "style": "warning",
                    "heading": "When to get your ankle checked",
                    "text": (
                        "<ul><li>You could not take four steps straight after the injury, or still "
                        "cannot</li><li>Pressing on the bony points of the ankle or the outer edge "
                        "of the foot is very tender</li><li>The ankle or foot looks misshapen, or "
                        "the skin over it is broken</li><li>The foot feels numb or cold, or looks "
                        "pale or blue</li><li>Pain and swelling are getting worse rather than "
                        "better after a few days</li><li>Your calf becomes painful, swollen or "
                        "warm, which needs prompt assessment to rule out a blood "
                        "clot</li></ul><p>These signs can point to a fracture or another injury "
                        "that needs medical assessment. For severe injuries or a cold, numb foot, "
                        "go straight to an emergency department.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "Rebuilding strength and balance",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Once you can walk comfortably, rehabilitation shifts towards restoring the "
                    "strength, control and confidence that sport demands. A typical programme "
                    "progresses through:</p><ul><li><b>Calf raises</b> on both feet, then on the "
                    "injured side alone, working up to a good number of controlled "
                    "repetitions.</li><li><b>Balance work</b>, starting with standing on one leg "
                    "while holding a support, then without support, then with your eyes closed or "
                    "on a cushion.</li><li><b>Strengthening</b> the muscles that turn the foot "
                    "outwards, for example against a resistance band.</li><li><b>Hip and trunk "
                    "exercises</b>, because control higher up the leg affects how the ankle "
                    "lands.</li></ul><p>Balance training in particular has good evidence for "
                    "reducing the chance of another sprain, so it is worth continuing for several "
                    "months, even once you feel back to normal.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Are you ready to run?",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Timescales vary widely. A mild sprain may allow a gentle jog within a "
                    "couple of weeks, while a more serious one can take several months before full "
                    "sport. Rather than watching the calendar, look for these "
                    "milestones:</p><ul><li>Brisk walking and stairs feel normal, without pain or "
                    "a limp.</li><li>You can balance on the injured leg for 30 seconds about as "
                    "steadily as on the other side.</li><li>Repeated single-leg calf raises feel "
                    "similar on both sides.</li><li>You can hop gently on the spot on the injured "
                    "leg without pain.</li></ul><p>When you reach them, start with a walk-run "
                    "approach on flat, even ground, such as alternating one minute of easy jogging "
                    "with two minutes of walking, and build up over several sessions. Add hills, "
                    "sand, sharp turns and sport-specific drills last. For football, padel or "
                    "basketball, practise cutting, jumping and landing at gradually increasing "
                    "speed before returning to full matches, and consider taping or a brace for "
                    "the first season back. Mild soreness that fades quickly is acceptable; pain "
                    "that changes how you run or lingers into the next day is a signal to ease "
                    "back.</p>"
                ),
            },
            {
                "type": "cta",
                "value": {
                    "heading": "Get back to sport with a plan",
                    "text": (
                        "Our sports injury team can assess your ankle, spot anything that may slow "
                        "recovery and design a return-to-sport programme around your goals. Your "
                        "first evaluation is free."
                    ),
                    "button_text": "Book a free evaluation",
                    "page": "contact",
                    "show_phone": True,
                    "show_whatsapp": True,
                },
            },
        ],
    },
    {
        "slug": "staying-active-in-the-uae-summer-heat",
        "title": "Staying active safely in the UAE summer heat",
        "summary": (
            "How to keep exercising through the hottest months in the Emirates: when and where to "
            "train, how to stay well hydrated and the warning signs of heat exhaustion and "
            "heatstroke."
        ),
        "categories": [
            "healthy-living",
        ],
        "tags": [
            "heat",
            "hydration",
            "exercise",
            "summer",
            "heat exhaustion",
        ],
        "author": "mariam-al-nuaimi",
        "reviewer": "omar-siddiqui",
        "days_ago": 63,
        "reviewed_days_ago": 30,
        "image_colour": "#d4b47a",
        "image_title": "Abstract illustration of a low sun over a calm sea at dawn",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Between June and September, daytime temperatures across the Emirates "
                    "regularly climb past 40°C, and the coastal humidity in Ajman can make it feel "
                    "hotter still. It is tempting to pause exercise until the weather breaks, but "
                    "long breaks mean losing fitness you have worked for, and staying active "
                    "supports your heart, mood, sleep and joints all year round.</p><p>With some "
                    "planning you can keep moving safely. The key is to respect the heat rather "
                    "than try to push through it.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Pick your time and place",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The hours around sunrise and after sunset are usually the most comfortable "
                    "for outdoor activity, although humidity can stay high overnight. Check the "
                    "forecast, including the 'feels like' temperature, and avoid strenuous outdoor "
                    "exercise around the middle of the day.</p><ul><li>Take workouts indoors on "
                    "the hottest days: air-conditioned gyms, indoor courts, swimming pools and "
                    "mall walking all count.</li><li>Give your body time to adjust. If you are new "
                    "to the UAE or back from a cooler country, build up outdoor sessions gradually "
                    "over one to two weeks.</li><li>Shorten sessions and lower the intensity when "
                    "it is hot. Finding your usual pace harder is normal, not a sign of lost "
                    "fitness.</li><li>Choose shaded routes, and swap the open beach for cooler "
                    "options such as an early swim.</li><li>Wear loose, light-coloured clothing, a "
                    "hat and sunscreen, and exercise with a friend when you "
                    "can.</li></ul><p>Children, older adults, pregnant women and people with "
                    "long-term conditions or on certain medicines are more vulnerable to heat and "
                    "should take extra care.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Drink regularly, not all at once",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Arrive for exercise already well hydrated by drinking steadily through the "
                    "day, rather than gulping a large amount just before you set off. During "
                    "longer or sweatier sessions take regular sips, and top up again afterwards. "
                    "Water suits most people; for long sessions with heavy sweating, a drink or "
                    "snack that also replaces salts may help.</p><p>Pale straw-coloured urine is a "
                    "simple sign that you are drinking enough, while dark urine, a dry mouth or a "
                    "headache suggest you need more. Forcing down very large volumes of plain "
                    "water during prolonged exercise can also be harmful, so aim for steady "
                    "intake. If you have heart or kidney disease, or take medicines such as "
                    "diuretics, ask your doctor what fluid intake is right for you.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Know the warning signs",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Heat exhaustion happens when the body struggles to keep itself cool. Signs "
                    "include heavy sweating, dizziness or feeling faint, headache, nausea, muscle "
                    "cramps, unusual tiredness, pale clammy skin and a fast pulse. If you or "
                    "someone with you develops these:</p><ul><li>Stop exercising and move "
                    "somewhere cool or shaded.</li><li>Lie down with the legs slightly raised and "
                    "loosen tight clothing.</li><li>Sip water or an oral rehydration "
                    "drink.</li><li>Cool the skin with a damp cloth, a cool water spray or a "
                    "fan.</li></ul><p>People usually start to feel better within about 30 minutes. "
                    "If they do not, treat it as an emergency. The NHS has a clear guide to <a "
                    'href="https://www.nhs.uk/conditions/heat-exhaustion-heatstroke/">heat '
                    "exhaustion and heatstroke</a>.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "style": "urgent",
                    "heading": "Heatstroke is a medical emergency",
                    "text": (
                        "<p>Call 998 for an ambulance if someone who has been in the "
                        "heat:</p><ul><li>Is confused, agitated, slurring their words or unusually "
                        "drowsy</li><li>Collapses, faints or has a seizure</li><li>Has hot skin "
                        "and has stopped sweating despite the heat</li><li>Is breathing fast or "
                        "feels short of breath</li><li>Has not improved after 30 minutes of "
                        "cooling and fluids</li></ul><p>While you wait, move them somewhere cool "
                        "and keep cooling them with water and fanning. If they are unconscious but "
                        "breathing, place them in the recovery position, and do not give drinks to "
                        "anyone who is not fully alert.</p>"
                    ),
                },
            },
            {
                "type": "cta",
                "value": {
                    "heading": "Planning to train through the summer?",
                    "text": (
                        "If you have a heart condition, diabetes or high blood pressure, or are "
                        "returning to exercise after a long break, talk to our family medicine "
                        "team first. Book a free evaluation and we will help you plan safely."
                    ),
                    "button_text": "Book a free evaluation",
                    "page": "contact",
                    "show_phone": True,
                    "show_whatsapp": True,
                },
            },
        ],
    },
    {
        "slug": "pelvic-and-back-pain-in-pregnancy",
        "title": "Pelvic and back pain in pregnancy: what can help",
        "summary": (
            "Pelvic girdle pain and back pain are common in pregnancy. Learn why they happen, "
            "everyday changes that may ease them, how physiotherapy helps and when to contact your "
            "maternity team."
        ),
        "categories": [
            "womens-health",
            "back-and-neck-pain",
        ],
        "tags": [
            "pregnancy",
            "pelvic girdle pain",
            "back pain",
            "physiotherapy",
        ],
        "author": "layla-haddad",
        "reviewer": "mariam-al-nuaimi",
        "days_ago": 88,
        "reviewed_days_ago": 45,
        "image_colour": "#b7a6c9",
        "image_title": "Abstract illustration of soft curved shapes in lavender tones",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Aches in the lower back and around the pelvis are very common during "
                    "pregnancy. For some women they are a mild nuisance; for others they make "
                    "walking, climbing stairs or turning over in bed genuinely difficult. Pain "
                    "around the pelvic joints is often called pelvic girdle pain, or "
                    "PGP.</p><p>Common does not mean you simply have to put up with it. There is "
                    "plenty that can help, and getting advice early tends to make a real "
                    "difference.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Why it happens",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>As pregnancy progresses, hormonal changes soften the ligaments around the "
                    "pelvis, while your growing bump shifts your centre of gravity and changes the "
                    "way you stand and move. The muscles of the back, hips and tummy have to work "
                    "differently, and the joints at the front and back of the pelvis may move less "
                    "evenly than before.</p><p>PGP often shows up as pain over the pubic bone at "
                    "the front, across one or both sides of the lower back, or in the buttocks and "
                    "inner thighs. It tends to be worse when standing on one leg, getting out of a "
                    "car, climbing stairs or turning in bed, and some women notice a clicking or "
                    "grinding feeling in the pelvis.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Everyday changes that may help",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Small adjustments to daily routines can reduce the strain on your "
                    "pelvis:</p><ul><li>Stay as active as is comfortable; short walks and swimming "
                    "are often well tolerated.</li><li>Keep your knees together when getting in "
                    "and out of the car or bed, and turn your whole body rather than "
                    "twisting.</li><li>Sit down to get dressed instead of balancing on one "
                    "leg.</li><li>Sleep on your side with a pillow between your "
                    "knees.</li><li>Take stairs one step at a time, and split shopping and "
                    "housework into smaller loads.</li><li>Rest when you need to, and accept "
                    "offers of help.</li></ul><p>Where you can, avoid activities that reliably "
                    "bring on pain, such as standing for long periods or movements that take your "
                    "legs wide apart.</p>"
                ),
            },
            {
                "type": "quote",
                "value": {
                    "quote": (
                        "Pelvic girdle pain is common and very treatable. Many women are told it "
                        "is just part of being pregnant, but with the right advice and exercises "
                        "it often becomes much more manageable."
                    ),
                    "attribution": "Dr Layla Haddad, Senior Physiotherapist",
                },
            },
            {
                "type": "callout",
                "value": {
                    "style": "urgent",
                    "heading": (
                        "Contact your maternity unit urgently if you have pain with any of these"
                    ),
                    "text": (
                        "<ul><li>Vaginal bleeding, or fluid leaking from the "
                        "vagina</li><li>Regular tightenings or period-like cramps, which can be a "
                        "sign of labour, including early labour</li><li>Fever, chills, pain or "
                        "burning when passing urine, or pain in your side</li><li>A severe "
                        "headache, problems with your vision or sudden swelling of the face, hands "
                        "or feet</li><li>Your baby moving less than usual</li><li>Numbness, leg "
                        "weakness or changes in bladder or bowel control</li></ul><p>If you are "
                        "unsure, call your maternity unit for advice. In an emergency, call "
                        "998.</p>"
                    ),
                },
            },
            {
                "type": "faq",
                "value": {
                    "heading": "Your questions answered",
                    "items": [
                        {
                            "question": "Can pelvic girdle pain harm my baby?",
                            "answer": (
                                "<p>No. PGP can be very uncomfortable for you, but it does not "
                                "harm your baby. It is still worth mentioning to your midwife or "
                                "doctor so that you get the right support.</p>"
                            ),
                        },
                        {
                            "question": "How can a physiotherapist help?",
                            "answer": (
                                "<p>A physiotherapist experienced in pregnancy care can check how "
                                "your pelvis, back and hips are moving, use gentle hands-on "
                                "techniques and teach exercises to improve strength and control. "
                                "They may also suggest a support belt or ways to adapt daily "
                                "tasks.</p>"
                            ),
                        },
                        {
                            "question": "Will I still be able to have a vaginal birth?",
                            "answer": (
                                "<p>Most women with PGP can. Let your birth team know about your "
                                "pain so they can suggest comfortable positions for labour and "
                                "avoid moving your legs further apart than is comfortable.</p>"
                            ),
                        },
                        {
                            "question": "Does it go away after the baby is born?",
                            "answer": (
                                "<p>For most women, symptoms ease considerably in the weeks after "
                                "birth. If pain continues, a postnatal assessment with a "
                                "physiotherapist is a good idea.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "cta",
                "value": {
                    "heading": "Support through pregnancy and beyond",
                    "text": (
                        "Our physiotherapists see women at every stage of pregnancy and after "
                        "birth. Book a free evaluation, and let us know if you would prefer a "
                        "female clinician."
                    ),
                    "button_text": "Book a free evaluation",
                    "page": "contact",
                    "show_phone": True,
                    "show_whatsapp": True,
                },
            },
        ],
    },
]
