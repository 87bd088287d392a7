#include "core/messages/CandidateMails.h"

#include <kainjow/mustache.hpp>
#include <stdexcept>

namespace dossier::messages {
namespace {

namespace mustache = kainjow::mustache;

// The templates. Paragraphs are separated by one blank line in the mail,
// however many the sections leave (Render), so a section may sit on lines
// of its own.

constexpr const char* kStatusSubject =
    "Votre candidature « {{formation_short}} » : {{status_label}}";

constexpr const char* kStatusBody =
    R"(Bonjour,

Le statut de votre candidature à la formation « {{formation}} » est désormais « {{status_label}} ».

{{#transmitted}}
Votre dossier a bien été transmis. Il va être examiné par un gestionnaire ; vous serez prévenu par courriel de la suite.
{{/transmitted}}
{{#complete}}
Toutes les pièces de votre dossier ont été validées : il est complet. Vous n'avez plus rien à faire.
{{/complete}}
{{#incomplete}}
Votre dossier est incomplet.{{#has_refused}} {{#several}}Les pièces suivantes ont été refusées :{{/several}}{{^several}}La pièce suivante a été refusée :{{/several}}

{{#refused}}
- {{label}} : {{reason}}
{{/refused}}
{{/has_refused}}

Déposez une nouvelle version de chaque pièce refusée {{#link}}sur votre page candidat ({{link}}){{/link}}{{^link}}depuis votre espace candidat{{/link}}, puis transmettez à nouveau votre dossier avant la date limite.
{{/incomplete}}
{{#waiting}}
Votre dossier est en attente de transmission.
{{/waiting}}
{{#note}}

Message du gestionnaire : {{note}}
{{/note}}
{{^incomplete}}
{{#link}}

Votre page candidat : {{link}}
{{/link}}
{{/incomplete}}

Cordialement,
Le service des candidatures)";

constexpr const char* kPieceRefusedSubject = "Pièce refusée : {{piece}}";

constexpr const char* kPieceRefusedBody =
    R"(Bonjour,

La pièce « {{piece}} » de votre candidature à la formation « {{formation}} » a été refusée pour le motif suivant :

{{reason}}

Déposez une nouvelle version de cette pièce {{#link}}sur votre page candidat ({{link}}){{/link}}{{^link}}depuis votre espace candidat{{/link}}, puis transmettez votre dossier avant la date limite de la formation.

Cordialement,
Le service des candidatures)";

// A mail is plain text: the slots go in as they are (no HTML escaping), and
// what a slot holds is never read as a template.
std::string Render(const char* template_text, const mustache::data& slots) {
  mustache::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) throw std::logic_error("mail template: " + tmpl.error_message());
  tmpl.set_custom_escape([](const std::string& value) { return value; });
  std::string rendered = tmpl.render(slots), mail;
  std::size_t newlines = 0;
  for (char c : rendered) {
    newlines = c == '\n' ? newlines + 1 : 0;
    if (newlines <= 2) mail += c;
  }
  std::size_t first = mail.find_first_not_of('\n');
  std::size_t last = mail.find_last_not_of('\n');
  return first == std::string::npos ? "" : mail.substr(first, last - first + 1);
}

mustache::data Flag(bool on) {
  return on ? mustache::data::type::bool_true : mustache::data::type::bool_false;
}

// A slot that is "" renders its {{^…}} section.
mustache::data Text(const std::string& value) {
  return value.empty() ? Flag(false) : mustache::data(value);
}

// The formation's name for a subject line (outbox.subject holds 255
// characters): cut at a character boundary.
std::string ForSubject(const std::string& formation) {
  const std::size_t kMax = 150;
  if (formation.size() <= kMax) return formation;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(formation[cut]) & 0xC0) == 0x80) --cut;
  return formation.substr(0, cut) + "…";
}

}  // namespace

std::string CandidatePageLink(const std::string& public_url, const std::string& candidature_id) {
  if (public_url.empty()) return "";
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/candidat/" + candidature_id;
}

Mail CandidatureStatusMail(const CandidatureStatusSlots& slots) {
  mustache::data data;
  data.set("formation", slots.formation);
  data.set("formation_short", ForSubject(slots.formation));
  data.set("status_label", slots.status_label);
  data.set("transmitted", Flag(slots.paragraph == StatusParagraph::kTransmitted));
  data.set("complete", Flag(slots.paragraph == StatusParagraph::kComplete));
  data.set("incomplete", Flag(slots.paragraph == StatusParagraph::kIncomplete));
  data.set("waiting", Flag(slots.paragraph == StatusParagraph::kWaiting));
  mustache::data refused{mustache::data::type::list};
  for (const RefusedPieceLine& piece : slots.refused) {
    mustache::data line;
    line.set("label", piece.label);
    line.set("reason", piece.reason);
    refused.push_back(line);
  }
  data.set("has_refused", Flag(!slots.refused.empty()));
  data.set("several", Flag(slots.refused.size() > 1));
  data.set("refused", refused);
  data.set("note", Text(slots.note));
  data.set("link", Text(slots.link));
  return {Render(kStatusSubject, data), Render(kStatusBody, data)};
}

Mail PieceRefusedMail(const PieceRefusedSlots& slots) {
  mustache::data data;
  data.set("piece", slots.piece);
  data.set("formation", slots.formation);
  data.set("reason", slots.reason);
  data.set("link", Text(slots.link));
  return {Render(kPieceRefusedSubject, data), Render(kPieceRefusedBody, data)};
}

}  // namespace dossier::messages
