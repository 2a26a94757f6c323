"""Build the demo clinic site. Idempotent: what exists already is left as it is."""

import datetime
import io
import uuid

from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from PIL import Image as PILImage
from PIL import ImageDraw

from blog.models import BlogCategory, BlogIndexPage, BlogPage
from contact.models import ContactPage, FormField, NotificationRoute
from home import demo_content as content
from home.models import ClinicSettings, HomePage, StandardPage
from people.models import Person
from seo.workflows import assign_medical_review

Image = get_image_model()

# Sources for the demo articles (public health bodies' pages), shown as a numbered list at the
# end of each article and given to search engines as its citations. Keyed by article slug.
NHS = "NHS"
WHO = "World Health Organization"
NICE = "National Institute for Health and Care Excellence (NICE)"
REFERENCES = {
    "muscle-spasm-and-back-pain": [
        ("Back pain", NHS, "https://www.nhs.uk/conditions/back-pain/"),
        (
            "Low back pain: fact sheet",
            WHO,
            "https://www.who.int/news-room/fact-sheets/detail/low-back-pain",
        ),
        (
            "Low back pain and sciatica in over 16s: assessment and management (NG59)",
            NICE,
            "https://www.nice.org.uk/guidance/ng59",
        ),
        ("Cauda equina syndrome", NHS, "https://www.nhs.uk/conditions/cauda-equina-syndrome/"),
    ],
    "neck-pain-from-phones-and-desk-work": [
        ("Neck pain", NHS, "https://www.nhs.uk/conditions/neck-pain/"),
        (
            "Musculoskeletal health: fact sheet",
            WHO,
            "https://www.who.int/news-room/fact-sheets/detail/musculoskeletal-conditions",
        ),
    ],
    "returning-to-running-after-an-ankle-sprain": [
        ("Sprains and strains", NHS, "https://www.nhs.uk/conditions/sprains-and-strains/"),
        (
            "Physical activity: fact sheet",
            WHO,
            "https://www.who.int/news-room/fact-sheets/detail/physical-activity",
        ),
    ],
    "staying-active-in-the-uae-summer-heat": [
        (
            "Heat exhaustion and heatstroke",
            NHS,
            "https://www.nhs.uk/conditions/heat-exhaustion-heatstroke/",
        ),
        (
            "Heat and health: fact sheet",
            WHO,
            "https://www.who.int/news-room/fact-sheets/detail/climate-change-heat-and-health",
        ),
    ],
    "pelvic-and-back-pain-in-pregnancy": [
        (
            "Back pain in pregnancy",
            NHS,
            "https://www.nhs.uk/pregnancy/related-conditions/common-symptoms/back-pain/",
        ),
        (
            "Pelvic pain in pregnancy",
            NHS,
            "https://www.nhs.uk/pregnancy/related-conditions/common-symptoms/pelvic-pain/",
        ),
    ],
}
DISCLAIMER = (
    "<p>Our articles explain common health problems in general terms. They cannot diagnose you "
    "or replace an appointment: if you are worried about a symptom, speak to a doctor or "
    "physiotherapist. In an emergency call 998.</p>"
)
SPECIALTIES = ["Physiotherapy", "Musculoskeletal", "PrimaryCare", "Dermatology", "DietNutrition"]


def references_block(slug: str, accessed: datetime.date) -> dict | None:
    sources = REFERENCES.get(slug)
    if not sources:
        return None
    return {
        "type": "references",
        "value": {
            "heading": "References",
            "items": [
                {
                    "title": title,
                    "publisher": publisher,
                    "url": url,
                    "doi": "",
                    "accessed": accessed.isoformat(),
                }
                for title, publisher, url in sources
            ],
        },
    }


def make_picture(colour: str, seed: int, size=(1600, 900)) -> bytes:
    """A calm abstract illustration: a two-tone background with soft circles, drawn locally."""
    base = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(base)
    r, g, b = PILImage.new("RGB", (1, 1), colour).getpixel((0, 0))
    light = tuple(min(255, int(c + (255 - c) * 0.45)) for c in (r, g, b))
    dark = tuple(int(c * 0.75) for c in (r, g, b))
    width, height = size
    draw.rectangle([0, height * 0.62, width, height], fill=dark)
    for i in range(5):
        radius = 90 + ((seed * 37 + i * 53) % 160)
        x = (seed * 211 + i * 331) % width
        y = (seed * 97 + i * 173) % int(height * 0.7)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=light)
    buffer = io.BytesIO()
    base.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def stream(blocks: list[dict]) -> list[dict]:
    """Give every block (and list item) a stable id, as the editor would."""
    result = []
    for block in blocks:
        value = block["value"]
        if block["type"] in ("faq", "references"):
            value = dict(value)
            value["items"] = [
                {"type": "item", "value": item, "id": str(uuid.uuid4())} for item in value["items"]
            ]
        result.append({"type": block["type"], "value": value, "id": str(uuid.uuid4())})
    return result


class Command(BaseCommand):
    help = "Create the demo clinic site (home, about, services, blog, articles, contact page)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=0,
            help="Also make sure the blog has at least this many articles in total, by adding "
            "generated ones (for benchmarks and query-budget tests at scale).",
        )

    def handle(self, *args, articles=0, **options):
        with transaction.atomic():
            self.created = 0
            site, home = self.home_page()
            self.collection = self.demo_collection()
            self.clinic_settings(site)
            self.search_engine_settings(site)
            people = self.people()
            categories = self.categories()
            contact = self.contact_page(home)
            self.standard_pages(home, contact)
            blog = self.blog_index(home)
            assign_medical_review(blog)
            self.articles(blog, contact, people, categories)
            self.finish_home(home, contact)
        if articles:
            self.generated_articles(blog, contact, people, categories, articles)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({self.created} objects created).")
        )

    # --- helpers -------------------------------------------------------------------------------
    def publish(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def demo_collection(self):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name="Demo images").first()
        if existing:
            return existing
        self.created += 1
        return root.add_child(name="Demo images")

    def image(self, title: str, colour: str, seed: int):
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        data = make_picture(colour, seed)
        image = Image(title=title, collection=self.collection)
        image.file = ImageFile(io.BytesIO(data), name=f"demo-{seed}.jpg")
        image.save()
        self.created += 1
        return image

    # --- pages and snippets --------------------------------------------------------------------
    def home_page(self):
        home = HomePage.objects.first()
        root = Page.get_first_root_node()
        if home is None:
            home = HomePage(
                title="Home",
                slug="clinic-home",
                hero_heading=content.HOME["hero_heading"],
                hero_text=content.HOME["hero_text"],
                hero_cta_text=content.HOME["hero_button_text"],
                services_heading="Our services",
            )
            self.publish(root, home)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
            self.created += 1
        if site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.site_name = content.CLINIC["name"]
            site.save()
            if old_root.specific_class is Page and old_root.depth == 2:
                old_root.delete()  # Wagtail's "Welcome" placeholder
        return site, home

    def clinic_settings(self, site):
        clinic = ClinicSettings.for_site(site)
        if clinic.phone:
            return
        data = content.CLINIC
        clinic.name = data["name"]
        clinic.tagline = data["tagline"]
        clinic.address = "\n".join(data["address_lines"])
        clinic.po_box = data["po_box"]
        clinic.phone = data["phone"]
        clinic.whatsapp = data["whatsapp"]
        clinic.email = data["email"]
        clinic.opening_hours = [
            {
                "type": "hours",
                "value": {
                    "days": [
                        "Monday",
                        "Tuesday",
                        "Wednesday",
                        "Thursday",
                        "Friday",
                        "Saturday",
                        "Sunday",
                    ],
                    "opens": "08:00:00",
                    "closes": "22:00:00",
                },
            }
        ]
        clinic.social_links = [
            {"type": "link", "value": {"network": "Instagram", "url": "https://instagram.com/"}},
            {"type": "link", "value": {"network": "Facebook", "url": "https://facebook.com/"}},
        ]
        clinic.footer_text = (
            "<p>The articles on this site are general information, not a diagnosis. "
            "In an emergency call 998 (ambulance) or 999 (police).</p>"
        )
        clinic.save()
        self.created += 1

    def search_engine_settings(self, site):
        """Fields added with issue 4 (specialties, disclaimer), filled once if still empty."""
        clinic = ClinicSettings.for_site(site)
        if clinic.medical_specialties or clinic.medical_disclaimer:
            return
        clinic.medical_specialties = SPECIALTIES
        clinic.medical_disclaimer = DISCLAIMER
        clinic.save()

    def people(self):
        people = {}
        for entry in content.PEOPLE:
            person = Person.objects.filter(name=entry["name"]).first()
            if person is None:
                person = Person.objects.create(
                    name=entry["name"],
                    credentials=entry["credentials"],
                    speciality=entry["speciality"],
                    licence_number=entry["licence_number"],
                    bio=entry["bio"],
                    languages=entry["languages"],
                )
                self.created += 1
            people[entry["key"]] = person
        return people

    def categories(self):
        categories = {}
        for entry in content.CATEGORIES:
            category, created = BlogCategory.objects.get_or_create(
                slug=entry["slug"],
                defaults={"name": entry["name"], "description": entry["description"]},
            )
            self.created += int(created)
            categories[entry["slug"]] = category
        return categories

    def contact_page(self, home):
        data = content.CONTACT
        page = ContactPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page:
            return page
        page = ContactPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            thank_you_text=data["thank_you_text"],
            to_address="frontdesk@example.com",
            from_address="website@example.com",
            subject="New enquiry from the website",
            show_in_menus=True,
            consent_text=next(
                (f["label"] for f in data["fields"] if f["field_type"] == "checkbox"),
                ContactPage._meta.get_field("consent_text").default,
            )[:255],
            consent_version="2026-11",
            routing_field="Service",
            send_confirmation=True,
        )
        fields = [f for f in data["fields"] if f["field_type"] != "checkbox"]
        page.form_fields = [
            FormField(
                sort_order=index,
                label=field["label"],
                field_type="phone" if "phone" in field["label"].lower() else field["field_type"],
                required=field["required"],
                help_text=field["help_text"],
                choices=field["choices"],
                default_value=field.get("default_value", ""),
            )
            for index, field in enumerate(fields)
        ]
        page.routes = [
            NotificationRoute(answer=choice.strip(), to_address="physio-desk@example.com")
            for field in fields
            if field["label"] == "Service"
            for choice in field["choices"].splitlines()
            if "physio" in choice.lower()
        ]
        return self.publish(home, page)

    def resolve(self, blocks, contact):
        """Swap the demo content's symbolic page references for real page ids."""
        resolved = []
        for block in blocks:
            value = block["value"]
            if block["type"] == "cta":
                value = dict(value)
                if value.pop("page", None) == "contact":
                    value["page"] = contact.pk
                value.setdefault("url", "")
            elif block["type"] == "contact_form":
                value = dict(value, form_page=contact.pk)
            resolved.append({"type": block["type"], "value": value})
        return stream(resolved)

    def standard_page(self, parent, data, contact, in_menu=False):
        page = StandardPage.objects.child_of(parent).filter(slug=data["slug"]).first()
        if page is None:
            page = self.publish(
                parent,
                StandardPage(
                    title=data["title"],
                    slug=data["slug"],
                    intro=data["intro"],
                    body=self.resolve(data["body"], contact),
                    show_in_menus=in_menu,
                ),
            )
        return page

    def standard_pages(self, home, contact):
        self.standard_page(home, content.ABOUT, contact, in_menu=True)
        services = self.standard_page(home, content.SERVICES_INDEX, contact, in_menu=True)
        for entry in content.SERVICES:
            self.standard_page(services, entry, contact)

    def blog_index(self, home):
        blog = BlogIndexPage.objects.child_of(home).first()
        if blog:
            return blog
        return self.publish(
            home,
            BlogIndexPage(
                title="Health articles",
                slug="blog",
                intro="Practical advice from our clinicians on pain, injuries and healthy living.",
                show_in_menus=True,
            ),
        )

    def articles(self, blog, contact, people, categories):
        today = timezone.localdate()
        for seed, entry in enumerate(content.ARTICLES, start=1):
            if BlogPage.objects.child_of(blog).filter(slug=entry["slug"]).exists():
                continue
            image = self.image(entry["image_title"], entry["image_colour"], seed)
            body = self.resolve(entry["body"], contact)
            if seed == 1:
                # Show the image block in use: an illustration after the introduction.
                figure = self.image("Illustration of a person stretching their back", "#5b6f9e", 42)
                body.insert(
                    1,
                    stream(
                        [
                            {
                                "type": "image",
                                "value": {
                                    "image": {
                                        "image": figure.pk,
                                        "decorative": False,
                                        "alt_text": figure.title,
                                    },
                                    "caption": "Illustration: Corniche Wellness Clinic.",
                                    "credit": "",
                                },
                            }
                        ]
                    )[0],
                )
            references = references_block(entry["slug"], today - datetime.timedelta(days=10))
            if references:
                # Sources go after the article and its FAQ, before the closing call to action.
                position = len(body)
                while position and body[position - 1]["type"] in ("cta", "contact_form"):
                    position -= 1
                body.insert(position, stream([references])[0])
            page = BlogPage(
                title=entry["title"],
                slug=entry["slug"],
                summary=entry["summary"],
                image=image,
                date=today - datetime.timedelta(days=entry["days_ago"]),
                author=people[entry["author"]],
                reviewer=people[entry["reviewer"]],
                last_reviewed=today - datetime.timedelta(days=entry["reviewed_days_ago"]),
                body=body,
            )
            page.categories = [categories[slug] for slug in entry["categories"]]
            page.tags.add(*entry["tags"])
            self.publish(blog, page)

    def finish_home(self, home, contact):
        """Fill the home page's links once the pages it points at exist."""
        home = home.specific
        if home.featured_services:
            return
        services = {page.slug: page for page in StandardPage.objects.all()}
        home.hero_image = self.image("Clinic reception illustration", "#0a6560", 99)
        home.hero_cta_page = contact
        home.featured_services = [
            {
                "type": "service",
                "value": {
                    "title": item["title"],
                    "summary": item["summary"],
                    "page": services[item["page_slug"]].pk,
                },
            }
            for item in content.HOME["services"]
            if item["page_slug"] in services
        ]
        home.body = stream(
            [
                {
                    "type": "heading",
                    "value": {"text": content.HOME["intro_heading"], "level": "h2"},
                },
                {"type": "paragraph", "value": content.HOME["intro_paragraph"]},
            ]
        )
        home.save_revision().publish()
        self.created += 1

    def generated_articles(self, blog, contact, people, categories, total):
        """Top the blog up to `total` articles, varied from the demo articles (idempotent)."""
        existing = BlogPage.objects.child_of(blog).count()
        if existing >= total:
            return
        templates = list(content.ARTICLES)
        images = [
            self.image(e["image_title"], e["image_colour"], n)
            for n, e in enumerate(templates, start=1)
        ]
        people_list = list(people.values())
        category_list = list(categories.values())
        today = timezone.localdate()
        for n in range(existing, total):
            entry = templates[n % len(templates)]
            slug = f"{entry['slug']}-{n}"
            if BlogPage.objects.child_of(blog).filter(slug=slug).exists():
                continue
            page = BlogPage(
                title=f"{entry['title']} ({n})",
                slug=slug,
                summary=entry["summary"],
                image=images[n % len(images)],
                date=today - datetime.timedelta(days=30 + n),
                author=people_list[n % len(people_list)],
                reviewer=people_list[(n + 1) % len(people_list)],
                last_reviewed=today - datetime.timedelta(days=n % 400),
                body=self.resolve(entry["body"], contact),
            )
            page.categories = [category_list[n % len(category_list)]]
            page.tags.add(*entry["tags"])
            self.publish(blog, page)
            if n % 100 == 0:
                self.stdout.write(f"  {n} articles")
