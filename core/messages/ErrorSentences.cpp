#include "core/messages/ErrorSentences.h"

#include "core/messages/ApiMessages.h"
#include "core/messages/CandidateMessages.h"
#include "core/messages/GestionMessages.h"
#include "core/messages/UploadMessages.h"

namespace dossier::messages {

std::string ErrorSentence(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidJson:
      return InvalidJson();
    case ErrorCode::kInvalidField:
      return "Un champ de la requête est invalide : vérifiez-la puis recommencez.";
    case ErrorCode::kInvalidFlag:
      return "Ce signalement n'existe pas : choisissez ine_illisible, ine_different, "
             "refusee_controle, unprocessable ou contenu_actif.";
    case ErrorCode::kInvalidId:
      return InvalidCandidatureId();
    case ErrorCode::kInvalidIdempotencyKey:
      return InvalidIdempotencyKey();
    case ErrorCode::kInvalidIne:
      return "Cet INE n'est pas valide : il comporte 11 caractères, par exemple "
             "« 1234567890V ». Vérifiez-le sur votre relevé de notes du baccalauréat.";
    case ErrorCode::kInvalidStatus:
      return InvalidCandidatureStatus();
    case ErrorCode::kInvalidDecision:
      return InvalidDecision();
    case ErrorCode::kCommentRequired:
      return CommentRequired();
    case ErrorCode::kUnknownPiece:
      return "Cette pièce ne fait pas partie des pièces justificatives configurées.";
    case ErrorCode::kDuplicatePiece:
      return "Une pièce figure deux fois dans la liste.";
    case ErrorCode::kNotFound:
      return NoSuchAddress();
    case ErrorCode::kMethodNotAllowed:
      return MethodNotAllowed();
    case ErrorCode::kIdempotencyConflict:
      return IdempotencyConflictMessage();
    case ErrorCode::kUnauthorized:
      return Unauthorized();
    case ErrorCode::kTokenExpired:
      return TokenExpired();
    case ErrorCode::kForbidden:
      return ForbiddenRole();
    case ErrorCode::kCandidatureClosed:
      return DossierUnderExamination();
    case ErrorCode::kNotConditional:
      return "Cette pièce est obligatoire : elle ne peut pas être déclarée « Non concerné ». "
             "Déposez-la pour compléter votre dossier.";
    case ErrorCode::kNotProcessed:
      return NotProcessedYet();
    case ErrorCode::kNotTransmittable:
      return AlreadyTransmitted();
    case ErrorCode::kNotTransmitted:
      return NotTransmitted();
    case ErrorCode::kPieceNotTransmitted:
      return "Cette pièce n'a pas été transmise : elle ne peut pas être validée ni refusée.";
    case ErrorCode::kPieceValidated:
      return "Cette pièce a été validée : elle ne peut plus être modifiée.";
    case ErrorCode::kPiecesMissing:
      return PiecesMissing({}, {});
    case ErrorCode::kPiecesNotValidated:
      return "Le dossier ne peut pas être déclaré complet : des pièces ne sont ni validées ni "
             "déclarées « Non concerné ». Examinez-les d'abord.";
    case ErrorCode::kEmpty:
      return "Un fichier est vide (0 octet) : l'envoi a sans doute été interrompu. "
             "Déposez-le à nouveau.";
    case ErrorCode::kMalformed:
      return MalformedUploadMessage();
    case ErrorCode::kNoFile:
      return NoFileMessage();
    case ErrorCode::kNotMultipart:
      return NotMultipart();
    case ErrorCode::kTruncated:
      return InterruptedUploadMessage();
    case ErrorCode::kTooLarge:
      return "L'envoi dépasse la taille maximale acceptée. Un scan en 200 ou 300 dpi suffit "
             "(plutôt que 600 dpi) : réduisez la taille de vos fichiers puis déposez-les à "
             "nouveau.";
    case ErrorCode::kTooManyFiles:
      return "Vous avez déposé trop de fichiers pour cette pièce. Déposez seulement les "
             "documents demandés, ou regroupez les pages dans un même PDF.";
    case ErrorCode::kQuotaExceeded:
      return "Cet envoi n'a pas été enregistré : avec lui, les fichiers de votre candidature "
             "dépasseraient le maximum accepté. Déposez des fichiers plus légers : un scan en "
             "200 ou 300 dpi suffit.";
    case ErrorCode::kFormat:
      return "Ce fichier n'est pas dans un format accepté pour cette pièce. Enregistrez-le en "
             "PDF, JPEG ou PNG puis déposez-le à nouveau.";
    case ErrorCode::kTooManyUploads:
      return "Vous avez envoyé beaucoup de fichiers en peu de temps : cet envoi n'a pas été "
             "enregistré. Réessayez dans quelques instants. Les fichiers déjà reçus sont bien "
             "conservés.";
    case ErrorCode::kAmbiguousFraming:
      return "L'envoi annonce sa longueur de deux façons contradictoires : il est refusé.";
    case ErrorCode::kBadContentLength:
      return "La longueur annoncée de l'envoi est invalide ou contradictoire : l'envoi est "
             "refusé.";
    case ErrorCode::kBadHeader:
      return "La requête reçue contient un en-tête mal formé. Rechargez la page et "
             "recommencez.";
    case ErrorCode::kBadRequestLine:
      return "La requête reçue est mal formée. Rechargez la page et recommencez.";
    case ErrorCode::kHeadTimeout:
      return "La requête est arrivée trop lentement et a été interrompue. Vérifiez votre "
             "connexion puis recommencez.";
    case ErrorCode::kHeadTooLarge:
      return "Les en-têtes de la requête sont trop longs. Rechargez la page et recommencez.";
    case ErrorCode::kHttpVersion:
      return "Cette version du protocole HTTP n'est pas prise en charge.";
    case ErrorCode::kUnsupportedTransferCoding:
      return "Le codage de transfert annoncé n'est pas pris en charge : envoyez le fichier "
             "sans compression de transfert.";
    case ErrorCode::kBusy:
      return "Le service reçoit beaucoup d'envois en ce moment. Patientez quelques secondes "
             "puis recommencez : vos fichiers déjà envoyés sont conservés.";
    case ErrorCode::kTooManyConnections:
      return "Trop de requêtes arrivent en même temps depuis votre connexion. Patientez "
             "quelques secondes puis recommencez.";
    case ErrorCode::kStorageFull:
      return StorageFullMessage();
    case ErrorCode::kDatabaseUnavailable:
    case ErrorCode::kStopping:
      return ServiceUnavailable();
    case ErrorCode::kInternalError:
      return InternalError();
  }
  return InternalError();
}

}  // namespace dossier::messages
