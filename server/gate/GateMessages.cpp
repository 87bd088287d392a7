#include "server/gate/GateMessages.h"

#include <map>

#include "server/http/ApiMessages.h"

namespace dossier::messages {

std::string GateRefusal(const std::string& code) {
  static const std::map<std::string, std::string> kSentences = {
      {"bad_request_line", "La requête reçue est mal formée. Rechargez la page et recommencez."},
      {"bad_header",
       "La requête reçue contient un en-tête mal formé. Rechargez la page et "
       "recommencez."},
      {"bad_content_length",
       "La longueur annoncée de l'envoi est invalide ou contradictoire : l'envoi est refusé."},
      {"ambiguous_framing",
       "L'envoi annonce sa longueur de deux façons contradictoires : il est refusé."},
      {"unsupported_transfer_coding",
       "Le codage de transfert annoncé n'est pas pris en charge : envoyez le fichier sans "
       "compression de transfert."},
      {"http_version", "Cette version du protocole HTTP n'est pas prise en charge."},
      {"head_too_large",
       "Les en-têtes de la requête sont trop longs. Rechargez la page et recommencez."},
      {"head_timeout",
       "La requête est arrivée trop lentement et a été interrompue. Vérifiez votre connexion "
       "puis recommencez."},
      {"too_many_connections",
       "Trop de requêtes arrivent en même temps depuis votre connexion. Patientez quelques "
       "secondes puis recommencez."},
      {"busy",
       "Le service reçoit beaucoup d'envois en ce moment. Patientez quelques secondes "
       "puis recommencez : vos fichiers déjà envoyés sont conservés."},
  };
  if (code == "unauthorized") return Unauthorized();  // the routes' own sentence
  auto found = kSentences.find(code);
  return found == kSentences.end() ? "La requête a été refusée." : found->second;
}

}  // namespace dossier::messages
