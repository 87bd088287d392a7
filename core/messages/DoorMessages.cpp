#include "core/messages/DoorMessages.h"

#include "core/messages/ApiMessages.h"

namespace dossier::messages {

std::string DoorRefusal(ErrorCode code) {
  switch (code) {
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
    case ErrorCode::kUnauthorized:
      return Unauthorized();  // the routes' own sentence
    default:
      return "La requête a été refusée.";  // no other refusal is made at the door
  }
}

}  // namespace dossier::messages
