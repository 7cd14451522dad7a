<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Strings for the shop back office and invoice lettering (French).
 *
 * Generated from lang/fr/local_shop.json by lang/build.ts (npm run lang): edit the catalog, not this file.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

$string['allbills'] = 'Toutes les factures';
$string['allbills_desc'] = 'Toutes les factures de toutes les boutiques, par statut, avec leur lettrage.';
$string['amount'] = 'Montant';
$string['backtolist'] = 'Retour à toutes les factures';
$string['billlines'] = 'Lignes';
$string['checkno'] = 'non';
$string['checksidecar'] = 'Service de lettrage';
$string['checksidecar_databasenotready'] = 'Le service de lettrage répond et le secret partagé concorde, mais sa base de données n\'est pas prête.';
$string['checksidecar_details'] = 'Le service répond : {$a->live}. Le secret partagé concorde : {$a->secret}. Base de données prête : {$a->database}. Index de lettrage présent : {$a->index}.';
$string['checksidecar_noindex'] = 'Le service de lettrage est prêt, mais l\'index de lettrage de la table des factures manque : lancez la mise à jour de Moodle.';
$string['checksidecar_notconfigured'] = 'L\'adresse ou le secret partagé du service de lettrage n\'est pas renseigné.';
$string['checksidecar_ok'] = 'Le service de lettrage répond, le secret partagé concorde et sa base de données est prête.';
$string['checksidecar_secretmismatch'] = 'Le service de lettrage répond, mais il refuse le secret partagé.';
$string['checksidecar_unreachable'] = 'Le service de lettrage ne répond pas.';
$string['checkunknown'] = 'inconnu';
$string['checkyes'] = 'oui';
$string['customer'] = 'Client';
$string['customeraddress'] = 'Adresse';
$string['customeremail'] = 'Courriel';
$string['customername'] = 'Nom';
$string['customerorganisation'] = 'Organisation';
$string['date'] = 'Date';
$string['emissiondate'] = 'Date d\'émission';
$string['error_auth_expired'] = 'La requête au service de lettrage est trop ancienne ou vient du futur : vérifiez que les horloges du serveur Moodle et du service concordent.';
$string['error_auth_invalid'] = 'La requête au service de lettrage n\'est pas signée avec le bon secret.';
$string['error_auth_missing'] = 'La requête au service de lettrage n\'est pas signée.';
$string['error_bill_not_found'] = 'Il n\'existe aucune facture d\'identifiant {$a->billid}.';
$string['error_body_too_large'] = 'La requête est trop volumineuse (au plus {$a->maxbytes} octets).';
$string['error_busy'] = 'Le service de lettrage est occupé avec la même référence. Veuillez réessayer.';
$string['error_database_unavailable'] = 'La base de données de la boutique est indisponible. Rien n\'a été modifié ; veuillez réessayer plus tard.';
$string['error_internal'] = 'Le service de lettrage a rencontré une erreur inattendue. Rien n\'a été modifié.';
$string['error_lettering_control_characters'] = 'Le lettrage ne doit contenir ni caractères de contrôle ni sauts de ligne.';
$string['error_lettering_duplicate'] = 'Le lettrage « {$a->lettering} » est déjà utilisé par la facture {$a->number}.';
$string['error_lettering_invalid_characters'] = 'Le lettrage contient des caractères invalides.';
$string['error_lettering_stale'] = 'Quelqu\'un d\'autre a modifié le lettrage de cette facture entre-temps. Il vaut maintenant « {$a->current} ».';
$string['error_lettering_too_long'] = 'Le lettrage doit compter au plus {$a->maxlength} caractères.';
$string['error_lettering_unsupported_characters'] = 'Le lettrage contient des caractères que la base de données ne peut pas enregistrer (comme des émojis).';
$string['error_malformed_body'] = 'Le corps de la requête n\'est pas du JSON valide.';
$string['error_method_not_allowed'] = 'Cette méthode n\'est pas permise ici.';
$string['error_not_found'] = 'Il n\'y a rien à cette adresse.';
$string['error_not_letterable_attempt'] = 'Cette facture ({$a->status}) est une tentative de paiement échouée ou annulée, pas une facture : elle ne peut pas être lettrée.';
$string['error_not_letterable_order'] = 'Cette facture ({$a->status}) est une commande, pas encore une facture : elle ne peut pas être lettrée.';
$string['error_not_letterable_unknown_status'] = 'Cette facture a le statut {$a->status}, qui n\'est pas un statut de facture : elle ne peut pas être lettrée.';
$string['error_sesskey'] = 'Le formulaire n\'a pas pu être vérifié : il provient d\'une session expirée ou n\'a pas été envoyé depuis cette page. Rien n\'a été modifié ; saisissez de nouveau le lettrage et cliquez sur Mettre à jour.';
$string['error_timeout'] = 'La base de données de la boutique n\'a pas répondu à temps. Rien n\'a été modifié ; veuillez réessayer.';
$string['error_unsupported_media_type'] = 'Le corps de la requête doit être du JSON (Content-Type: application/json).';
$string['error_validation_failed'] = 'La valeur de « {$a->field} » n\'est pas valide : {$a->reason}.';
$string['error_write_unconfirmed'] = 'La base de données n\'a pas confirmé l\'enregistrement du lettrage. Rechargez la facture pour voir son lettrage avant de réessayer.';
$string['eventletteringchanged'] = 'Lettrage modifié';
$string['eventletteringcleared'] = 'Lettrage effacé';
$string['eventletteringset'] = 'Lettrage posé';
$string['filterbills'] = 'Filtrer les factures';
$string['firstpage'] = 'Première page';
$string['invoice'] = 'Facture';
$string['invoicetitle'] = 'Facture {$a}';
$string['itemabstract'] = 'Article';
$string['itemcode'] = 'Code';
$string['itemquantity'] = 'Quantité';
$string['itemtotal'] = 'Total';
$string['itemunitcost'] = 'Prix unitaire';
$string['lettering'] = 'Lettrage';
$string['lettering_help'] = 'Le lettrage est la référence de cette facture dans le logiciel de comptabilité, où les factures sont numérotées comme la loi l\'exige. Il permet de passer de la facture en ligne à la facture officielle, et inversement.

Une référence n\'appartient qu\'à une seule facture, quels que soient la boutique et le catalogue. Videz le champ et cliquez sur Mettre à jour pour effacer le lettrage.';
$string['letteringcleared'] = 'Le lettrage de la facture {$a->number} a été effacé.';
$string['letteringof'] = 'Lettrage de la facture {$a}';
$string['letteringsaved'] = 'Le lettrage de la facture {$a->number} est maintenant « {$a->lettering} ».';
$string['letteringunchanged'] = 'La facture {$a->number} avait déjà ce lettrage : rien n\'a changé.';
$string['nextpage'] = 'Page suivante';
$string['nobills'] = 'Aucune facture ne correspond.';
$string['nolines'] = 'Cette facture n\'a aucune ligne.';
$string['notlettered'] = 'Non lettrée';
$string['number'] = 'Numéro';
$string['openbill'] = 'Ouvrir la facture {$a}';
$string['pagenumber'] = 'Page {$a}';
$string['paymentcode'] = 'Code règlement';
$string['paymentmethod'] = 'Mode de paiement';
$string['paymode_card'] = 'Carte bancaire';
$string['paymode_check'] = 'Chèque';
$string['paymode_delegated'] = 'Paiement délégué';
$string['paymode_freeorder'] = 'Commande gratuite';
$string['paymode_paypal'] = 'PayPal';
$string['paymode_stripe_checkout'] = 'Stripe';
$string['paymode_systempay'] = 'SystemPay Plus (Caisse d\'Epargne/Banque Populaire)';
$string['paymode_test'] = 'Paiement de test';
$string['paymode_transfer'] = 'Virement bancaire';
$string['pluginname'] = 'Boutique';
$string['previouspage'] = 'Page précédente';
$string['privacy:metadata:local_shop_bill'] = 'Les factures de la boutique (commandes et factures) des clients, avec leur lettrage.';
$string['privacy:metadata:local_shop_bill:amount'] = 'Le montant de la facture.';
$string['privacy:metadata:local_shop_bill:customerid'] = 'Le client à qui la facture est adressée.';
$string['privacy:metadata:local_shop_bill:emissiondate'] = 'La date d\'émission de la facture.';
$string['privacy:metadata:local_shop_bill:idnumber'] = 'Le lettrage : la référence de la facture dans le logiciel de comptabilité.';
$string['privacy:metadata:local_shop_bill:userid'] = 'L\'utilisateur Moodle qui a passé la commande.';
$string['privacy:metadata:local_shop_customer'] = 'Les clients de la boutique.';
$string['privacy:metadata:local_shop_customer:address'] = 'L\'adresse postale du client.';
$string['privacy:metadata:local_shop_customer:email'] = 'L\'adresse de courriel du client.';
$string['privacy:metadata:local_shop_customer:firstname'] = 'Le prénom du client.';
$string['privacy:metadata:local_shop_customer:hasaccount'] = 'L\'utilisateur Moodle qu\'est le client, s\'il y en a un.';
$string['privacy:metadata:local_shop_customer:lastname'] = 'Le nom du client.';
$string['privacy:metadata:sidecar'] = 'Les pages du back-office commercial demandent au service de lettrage de lire et de modifier les factures. Chaque requête transmet ce qui suit.';
$string['privacy:metadata:sidecar:language'] = 'La langue de l\'utilisateur, pour que le service lui réponde dans cette langue.';
$string['privacy:metadata:sidecar:lettering'] = 'Le lettrage saisi par l\'utilisateur.';
$string['privacy:metadata:sidecar:search'] = 'Le texte recherché dans la liste des factures (un numéro de facture, un lettrage, un code transaction, ou le nom ou le courriel d\'un client).';
$string['privacy:metadata:sidecar:userid'] = 'L\'identifiant de l\'utilisateur qui agit, enregistré dans le journal du service.';
$string['salesadministration'] = 'Administration des ventes';
$string['salesservice'] = 'Service commercial';
$string['search'] = 'Rechercher';
$string['searchbills'] = 'Numéro de facture, lettrage, code transaction ou client';
$string['settings'] = 'Service de lettrage';
$string['settings_desc'] = 'Le back-office commercial lit et lettre les factures par le service de lettrage. Indiquez son adresse et le secret qu\'il partage avec ce site ; le rapport d\'état indique s\'ils fonctionnent.';
$string['shop'] = 'Boutique';
$string['shop:salesadmin'] = 'Administrer les ventes : voir les factures et leurs clients, et lettrer les factures';
$string['sidecarsecret'] = 'Secret partagé';
$string['sidecarsecret_desc'] = 'Le secret avec lequel le service de lettrage a été démarré (LETTERING_SECRET), d\'au moins 32 caractères. Les requêtes sont signées avec lui.';
$string['sidecartimeout'] = 'Délai d\'attente';
$string['sidecartimeout_desc'] = 'Combien de secondes une page attend le service de lettrage avant d\'indiquer qu\'il n\'a pas répondu.';
$string['sidecarurl'] = 'Adresse du service de lettrage';
$string['sidecarurl_desc'] = 'L\'adresse du service de lettrage, par exemple http://127.0.0.1:8787. Seule cette adresse est appelée, même quand les réglages de sécurité HTTP de Moodle bloquent les adresses locales.';
$string['status'] = 'Statut';
$string['status_cancelled'] = 'Annulée';
$string['status_complete'] = 'Réalisée';
$string['status_failed'] = 'Échouée';
$string['status_partial'] = 'Partiellement payée';
$string['status_payback'] = 'Remboursée';
$string['status_pending'] = 'En attente';
$string['status_placed'] = 'Passée';
$string['status_preprod'] = 'Préproduction';
$string['status_recovering'] = 'En recouvrement';
$string['status_refused'] = 'Refusée';
$string['status_soldout'] = 'Payée';
$string['status_working'] = 'En cours';
$string['tab_all'] = 'Toutes';
$string['tab_cancelled'] = 'Annulées';
$string['tab_complete'] = 'Réalisées';
$string['tab_failed'] = 'Échouées';
$string['tab_partial'] = 'Partiellement payées';
$string['tab_payback'] = 'Remboursées';
$string['tab_pending'] = 'En attente';
$string['tab_placed'] = 'Passées';
$string['tab_preprod'] = 'Préproduction';
$string['tab_recovering'] = 'En recouvrement';
$string['tab_refused'] = 'Refusées';
$string['tab_soldout'] = 'Payées';
$string['tab_working'] = 'En cours';
$string['tabcount'] = '{$a->name} ({$a->count})';
$string['taxes'] = 'Taxes';
$string['total'] = 'Total';
$string['transactioncode'] = 'Code transaction';
$string['transport_badresponse'] = 'Le service de lettrage a donné une réponse incompréhensible. Rechargez la page pour voir si quelque chose a été modifié.';
$string['transport_notconfigured'] = 'Le service de lettrage n\'est pas configuré. Demandez à l\'administrateur du site de renseigner son adresse et son secret partagé.';
$string['transport_servererror'] = 'Le service de lettrage a rencontré une erreur. Rechargez la page pour voir si quelque chose a été modifié.';
$string['transport_timeout'] = 'Le service de lettrage n\'a pas répondu à temps. Rechargez la page pour voir si quelque chose a été modifié.';
$string['transport_unreachable'] = 'Le service de lettrage est injoignable. Rien n\'a été modifié ; veuillez réessayer plus tard.';
$string['unletteredonly'] = 'Non lettrées seulement';
$string['untaxedamount'] = 'Total HT';
$string['update'] = 'Mettre à jour';
$string['validation_boolean'] = 'yes ou no';
$string['validation_cursor'] = 'un curseur renvoyé par une page précédente';
$string['validation_expected'] = 'un texte, ou null pour aucun lettrage';
$string['validation_invalid'] = 'une valeur du type attendu';
$string['validation_lettering'] = 'un texte';
$string['validation_limit'] = 'un nombre entier de 1 à {$a->max}';
$string['validation_object'] = 'un objet JSON';
$string['validation_positive_integer'] = 'un nombre entier positif';
$string['validation_search'] = 'un texte d\'au plus 100 caractères';
$string['validation_status'] = 'l\'un des statuts de facture ou groupes d\'onglets';
$string['validation_unknown'] = 'un paramètre que cette adresse ne prend pas';
