#include "core/messages/ApiMessages.h"

#include "core/text/FrenchFormat.h"

namespace dossier::messages {
namespace {

// « 40 secondes », « 1 seconde », « 3 minutes » (rounded up: never too soon).
std::string FrenchDelay(int seconds) {
  if (seconds <= 1) return "1 seconde";
  if (seconds <= 90) return std::to_string(seconds) + " secondes";
  return std::to_string((seconds + 59) / 60) + " minutes";
}

}  // namespace

// « A », « B » et « C »
std::string QuotedList(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    text += i == 0 ? "" : (i + 1 == items.size() ? " et " : ", ");
    text += "« " + items[i] + " »";
  }
  return text;
}

std::string Unauthorized() {
  return "Votre accès n'a pas pu être vérifié : ouvrez à nouveau cette page depuis eCandidat.";
}

std::string TokenExpired() {
  return "Votre lien d'accès a expiré : ouvrez à nouveau cette page depuis eCandidat pour en "
         "obtenir un nouveau.";
}

std::string ForbiddenCandidature() {
  return "Votre accès ne concerne pas cette candidature.";
}

std::string ForbiddenRole() {
  return "Votre accès ne permet pas cette opération.";
}

std::string ForeignOrigin() {
  return "Cette opération n'est possible que depuis la page de votre candidature.";
}

std::string NoSuchAddress() {
  return "Cette adresse ne correspond à aucun service.";
}

std::string MethodNotAllowed() {
  return "Cette opération n'est pas possible à cette adresse.";
}

std::string InvalidJson() {
  return "La requête n'est pas un document JSON valide : vérifiez sa syntaxe.";
}

std::string BodyTooLarge(std::uint64_t limit) {
  return "La requête dépasse la taille maximale de " + FrenchSize(limit) + ".";
}

std::string InvalidField(const std::string& field, const std::string& expected) {
  return "Le champ « " + field + " » est invalide : " + expected + ".";
}

std::string ExpectedText(bool required, std::size_t max_length) {
  return "une chaîne de caractères " + std::string(required ? "non vide " : "") + "de " +
         std::to_string(max_length) + " caractères au plus est attendue";
}

std::string ExpectedBoolean() {
  return "true ou false est attendu";
}

std::string ExpectedEmail() {
  return "une adresse électronique est attendue";
}

std::string ExpectedDate() {
  return "une date existante au format AAAA-MM-JJ est attendue (par exemple 2026-12-15), ou null";
}

std::string ExpectedName() {
  return "un texte de 100 caractères au plus est attendu, ou null";
}

std::string ExpectedPieceList() {
  return "une liste de pièces est attendue";
}

std::string ExpectedPieceObject() {
  return "chaque pièce est un objet {\"code\": …, \"mandatory\": …}";
}

std::string InvalidCandidatureId() {
  return "L'identifiant de candidature doit comporter de 1 à 64 caractères : lettres sans "
         "accent, chiffres, tirets ou soulignés.";
}

std::string InvalidIne(const std::string& ine) {
  return "L'INE « " + ine +
         " » n'est pas valide : il comporte 11 caractères, par exemple "
         "« 1234567890V ». Vérifiez-le sur votre relevé de notes du baccalauréat.";
}

std::string UnknownPieceType(const std::string& code) {
  return "La pièce « " + code + " » ne fait pas partie des pièces justificatives configurées.";
}

std::string DuplicatePiece(const std::string& code) {
  return "La pièce « " + code + " » figure deux fois dans la liste.";
}

std::string InvalidStatusFilter(const std::string& status) {
  return "Le statut « " + status + " » n'existe pas : choisissez AT, RE, IN ou CO.";
}

std::string InvalidIdempotencyKey() {
  return "L'en-tête Idempotency-Key doit comporter de 1 à 128 caractères visibles.";
}

std::string CandidatureNotFound() {
  return "Cette candidature est introuvable. Vérifiez le lien utilisé ou reconnectez-vous à "
         "eCandidat.";
}

std::string PieceNotRequired() {
  return "Cette pièce n'est pas demandée pour cette candidature.";
}

std::string DossierUnderExamination() {
  return "Votre dossier a été transmis : ses pièces ne peuvent plus être modifiées pendant "
         "son examen. Vous serez prévenu par courriel si une pièce doit être remplacée.";
}

std::string DossierComplete() {
  return "Votre dossier est complet : ses pièces ne peuvent plus être modifiées. Si un "
         "document doit être corrigé, contactez la scolarité de la formation.";
}

std::string PieceValidated(const std::string& label) {
  return "La pièce « " + label + " » a été validée : elle ne peut plus être modifiée.";
}

std::string NotConditional(const std::string& label) {
  return "La pièce « " + label +
         " » est obligatoire : elle ne peut pas être déclarée « Non "
         "concerné ». Déposez-la pour compléter votre dossier.";
}

std::string AlreadyTransmitted() {
  return "Votre dossier a déjà été transmis : il est en cours d'examen.";
}

std::string NothingToTransmit() {
  return "Votre dossier est complet : il n'y a plus rien à transmettre.";
}

std::string PiecesMissing(const std::vector<std::string>& missing_labels,
                          const std::vector<std::string>& refused_labels) {
  std::string text = "Votre dossier ne peut pas encore être transmis.";
  if (!missing_labels.empty())
    text +=
        std::string(missing_labels.size() > 1 ? " Pièces à déposer : " : " Pièce à déposer : ") +
        QuotedList(missing_labels) + ".";
  if (!refused_labels.empty())
    text += std::string(refused_labels.size() > 1 ? " Pièces refusées à remplacer : "
                                                  : " Pièce refusée à remplacer : ") +
            QuotedList(refused_labels) + ".";
  return text + " Une pièce facultative peut aussi être déclarée « Non concerné ».";
}

std::string NotTransmitted() {
  return "Cette candidature n'a pas encore été transmise : ses pièces ne peuvent pas encore "
         "être examinées.";
}

std::string PieceNotTransmitted(const std::string& label) {
  return "La pièce « " + label +
         " » n'a pas été transmise : elle ne peut pas être validée "
         "ni refusée.";
}

std::string InvalidDecision() {
  return "La décision doit être « VA » (pièce validée) ou « RE » (pièce refusée).";
}

std::string CommentRequired() {
  return "Un refus doit être motivé : indiquez au candidat ce qui ne va pas (par exemple "
         "« Illisible »).";
}

std::string NotMultipart() {
  return "Les fichiers doivent être envoyés par le formulaire de dépôt (multipart/form-data).";
}

std::string TooManyUploads(int seconds) {
  return "Vous avez envoyé beaucoup de fichiers en peu de temps : cet envoi n'a pas été "
         "enregistré. Réessayez dans " +
         FrenchDelay(seconds) + ". Les fichiers déjà reçus sont bien conservés.";
}

std::string NotProcessedYet() {
  return "Cette pièce est en cours de vérification : réessayez dans quelques instants.";
}

std::string NoProcessedPdf() {
  return "Aucune version vérifiée de cette pièce n'est disponible.";
}

std::string DossierNotAvailable() {
  return "Le dossier de cette candidature n'est pas encore disponible : aucune pièce "
         "vérifiée pour l'instant.";
}

std::string NoReceiptYet() {
  return "Aucun récépissé pour l'instant : il est délivré quand le dossier est transmis.";
}

std::string ServiceUnavailable() {
  return "Le service est momentanément indisponible : réessayez dans quelques instants. Les "
         "pièces déjà déposées sont conservées.";
}

std::string InternalError() {
  return "Une erreur inattendue est survenue : réessayez dans quelques instants. Si elle se "
         "reproduit, contactez le service des candidatures.";
}

}  // namespace dossier::messages
